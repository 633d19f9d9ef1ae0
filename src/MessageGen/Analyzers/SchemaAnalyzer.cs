using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageGen.Analyzers;

/// <summary>
/// An analyzer of code that uses generated message types. It skips generated code: the generator's own code (its
/// deserializer's initializer, say) sets members from run-time values on purpose. It registers nothing in a
/// compilation that does not see MessageGen's attributes, so code without MessageGen costs nothing.
/// </summary>
public abstract class SchemaAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (SchemaSymbols.For(start.Compilation) is { } symbols)
            {
                Register(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that uses generated message types.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, SchemaSymbols symbols);
}
