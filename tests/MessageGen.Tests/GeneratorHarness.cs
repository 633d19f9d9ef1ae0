using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Tests;

/// <summary>Runs the generator the way the compiler does, and checks that it caches.</summary>
internal static class GeneratorHarness
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.SchemaFiles, TrackingNames.Options, TrackingNames.Parse, TrackingNames.Emit, TrackingNames.AllSchemas,
        TrackingNames.TemplateFiles, TrackingNames.TemplateParse, TrackingNames.TemplateSpecs, TrackingNames.SchemaTypeNames,
        TrackingNames.TemplatePlan, TrackingNames.TemplateEmit,
    };

    public static IReadOnlyList<string> TrackedSteps => s_trackedSteps;

    public static string SchemaPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "schema", fileName);

    public static InMemoryAdditionalText Schema(string fileName) => new(SchemaPath(fileName), File.ReadAllText(SchemaPath(fileName)));

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "Program.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static IReadOnlyList<MetadataReference> References { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(IWhatsAppMessage).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();

    /// <param name="schemas">The AdditionalFiles.</param>
    /// <param name="properties">MSBuild properties (build_property.*), by name.</param>
    /// <param name="fileMetadata">Item metadata (build_metadata.AdditionalFiles.*) by file path, then by name.</param>
    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> schemas,
        Dictionary<string, string>? properties = null,
        Dictionary<string, Dictionary<string, string>>? fileMetadata = null)
        => CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() },
            schemas,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(properties ?? new Dictionary<string, string>(), fileMetadata ?? new Dictionary<string, Dictionary<string, string>>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator, then runs it again on a clone of the compilation and fails if any tracked step re-ran
    /// or any step's output holds a Roslyn symbol, syntax node or compilation (which would defeat caching).
    /// </summary>
    /// <summary>
    /// Runs the generator on one schema and holds the result to what every schema must give: no exception, each
    /// diagnostic once and inside the file, nothing generated beside an error, and generated code that compiles.
    /// Returns whether code was generated. <paramref name="label"/> names the case in failure messages.
    /// </summary>
    public static bool AssertClearDiagnosticsOrCompilingCode(string path, string text, string label)
    {
        var driver = CreateDriver([new InMemoryAdditionalText(path, text)]);
        driver = driver.RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.True(result.Exception is null, $"{label}: the generator threw {result.Exception}\n{text}");
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "MG1000");
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
            Assert.True(diagnostic.Location.SourceSpan.End <= text.Length, $"{label}: {diagnostic} points past the end of the file.");
        }

        var distinct = diagnostics.Select(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).Distinct().Count();
        Assert.True(distinct == diagnostics.Length, $"{label}: a diagnostic is reported more than once:\n{string.Join("\n", diagnostics)}");
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Assert.Empty(result.GeneratedSources);
            return false;
        }

        Assert.NotEmpty(result.GeneratedSources);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{label}: the generated code does not compile:\n{string.Join("\n", errors.Take(10))}\n{text}");
        return true;
    }

    public static GeneratorRunResult RunAndCheckCaching(GeneratorDriver driver, Compilation compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out diagnostics);
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        foreach (var (name, steps) in second.TrackedSteps.Where(s => s_trackedSteps.Contains(s.Key)))
        {
            foreach (var output2 in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output2.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' re-ran ({output2.Reason}) on an identical second run.");
            }
        }

        foreach (var (name, steps) in first.TrackedSteps.Where(s => s_trackedSteps.Contains(s.Key)))
        {
            foreach (var value in steps.SelectMany(s => s.Outputs).Select(o => o.Value))
            {
                AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        return first;
    }

    public static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Reasons(GeneratorRunResult result)
        => result.TrackedSteps
            .Where(s => s_trackedSteps.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs.Select(o => (s.Key, o.Reason))));

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Microsoft.CodeAnalysis.Compilation or SemanticModel or Location or SyntaxTree,
            $"Step '{step}' outputs a {value.GetType().Name}; pipeline models must hold plain values only.");

        // Descriptors and text spans are immutable values with value equality: fine to keep.
        if (value is DiagnosticDescriptor or TextSpan or LinePositionSpan)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }

    private sealed class OptionsProvider(Dictionary<string, string> properties, Dictionary<string, Dictionary<string, string>> fileMetadata)
        : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options("build_property.", properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(string.Empty, new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Options("build_metadata.AdditionalFiles.", fileMetadata.GetValueOrDefault(textFile.Path) ?? new Dictionary<string, string>());

        private sealed class Options(string prefix, Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = string.Empty;
                return key.StartsWith(prefix, StringComparison.Ordinal) && values.TryGetValue(key[prefix.Length..], out value!);
            }
        }
    }
}

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text is null ? null : SourceText.From(text);
}
