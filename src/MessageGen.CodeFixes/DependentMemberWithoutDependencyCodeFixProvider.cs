using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using MessageGen.Analyzers.Rules;
using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MessageGen.CodeFixes;

/// <summary>MG0002: "Remove 'caption'".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DependentMemberWithoutDependencyCodeFixProvider))]
[Shared]
public sealed class DependentMemberWithoutDependencyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DependentMemberWithoutDependency);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The equivalence key of "remove <paramref name="member"/>".</summary>
    public static string EquivalenceKey(string member) => $"{DiagnosticIds.DependentMemberWithoutDependency}:Remove:{member}";

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UsageRules.MemberProperty, out var member) || member is null)
            {
                continue;
            }

            var document = context.Document;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{member}'",
                    ct => MemberRemoval.RemoveAsync(document, span, ct),
                    EquivalenceKey(member)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
