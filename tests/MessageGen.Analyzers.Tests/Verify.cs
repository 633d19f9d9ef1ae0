using System.Reflection;
using MessageGen.Analyzers;
using MessageGen.CodeFixes;
using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MessageGen.Analyzers.Tests;

/// <summary>
/// Runs the analyzers on a consumer compilation in which the real <see cref="SchemaGenerator"/> generates the code
/// from the real schema files, as in a user's build.
/// </summary>
internal static class Verify
{
    // The message schemas the package ships (schema/*-message.schema.json), copied next to the tests by the csproj.
    public const string TextSchema = "text-message.schema.json";
    public const string ImageSchema = "image-message.schema.json";
    public const string AudioSchema = "audio-message.schema.json";
    public const string DocumentSchema = "document-message.schema.json";
    public const string StickerSchema = "sticker-message.schema.json";
    public const string LocationSchema = "location-message.schema.json";
    public const string ContactsSchema = "contacts-message.schema.json";
    public const string InteractiveSchema = "interactive-message.schema.json";
    public const string ReactionSchema = "reaction-message.schema.json";
    public const string VideoSchema = "video-message.schema.json";

    /// <summary>A test schema of a user's own type (from the generated-code tests), not shipped.</summary>
    public const string PhotoSchema = "photo-message.schema.json";

    public static string RepositoryRoot { get; } = typeof(Verify).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The file name of every message schema in the repository's schema directory, as the package ships them.</summary>
    public static IReadOnlyList<string> ShippedMessageSchemas { get; } = Directory
        .GetFiles(Path.Combine(RepositoryRoot, "schema"), "*-message.schema.json")
        .Select(f => Path.GetFileName(f))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Wraps members in a class with the usings a consumer has.</summary>
    public static string Code(string members) => $$"""
        using System;
        using MessageGen.WhatsApp;

        public class Consumer
        {
        {{members}}
        }
        """;

    /// <summary>Expects exactly the diagnostics in the markup of <paramref name="source"/> (and <paramref name="expected"/>).</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, new[] { VideoSchema }, expected);

    /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/>, with the generated code of <paramref name="schema"/> only.</summary>
    public static Task AnalyzerAsync(string source, string schema, params DiagnosticResult[] expected) => AnalyzerAsync(source, new[] { schema }, expected);

    public static Task AnalyzerAsync(string source, string[] schemas, params DiagnosticResult[] expected)
        => AnalyzerWithEditorConfigAsync(source, schemas, editorConfig: null, expected);

    /// <summary>The templates fixture (tests/fixtures/templates/whatsapp-templates.json), copied next to the tests by the csproj.</summary>
    public static string TemplatesFixture { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "whatsapp-templates.json"));

    /// <summary>
    /// As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/>, with a templates file (the fixture unless
    /// <paramref name="templates"/>) and the schemas of the types template headers are sent with.
    /// </summary>
    public static Task TemplateAnalyzerAsync(string source, string? templates, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test, test.TestState, new[] { VideoSchema, ImageSchema, DocumentSchema, LocationSchema });
        test.TestState.AdditionalFiles.Add(("/0/whatsapp-templates.json", templates ?? TemplatesFixture));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As <see cref="AnalyzerAsync(string, string[], DiagnosticResult[])"/>, with an .editorconfig for the test project.</summary>
    public static Task AnalyzerWithEditorConfigAsync(string source, string[] schemas, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test, test.TestState, schemas);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the code fix with <paramref name="equivalenceKey"/>, one at a time and with Fix All.</summary>
    public static Task CodeFixAsync(string source, string fixedSource, string equivalenceKey, int iterations = 1, string[]? schemas = null)
    {
        var test = new CodeFixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        };
        Configure(test, test.TestState, schemas ?? new[] { VideoSchema });
        return test.RunAsync();
    }

    /// <summary>As <see cref="CodeFixAsync(string, string, string, int, string[])"/> over several documents (Fix All in project and solution).</summary>
    public static Task CodeFixAsync(string[] sources, string[] fixedSources, string equivalenceKey, int iterations)
    {
        var test = new CodeFixTest
        {
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = sources.Length,
        };
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            test.TestState.Sources.Add(($"/0/Test{index}.cs", source));
        }

        foreach (var (source, index) in fixedSources.Select((s, i) => (s, i)))
        {
            test.FixedState.Sources.Add(($"/0/Test{index}.cs", source));
        }

        Configure(test, test.TestState, new[] { VideoSchema });
        return test.RunAsync();
    }

    /// <summary>
    /// Runs the analyzers (no generator) on code that uses generated types from a referenced assembly, compiled here
    /// from the real generator's output: the rules come from the attributes in metadata.
    /// </summary>
    public static async Task AnalyzerWithGeneratedLibraryAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new LibraryConsumerTest { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(IWhatsAppMessage).Assembly.Location));
        test.TestState.AdditionalReferences.Add(await GeneratedLibrary.Value);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static readonly Lazy<Task<MetadataReference>> GeneratedLibrary = new(BuildGeneratedLibraryAsync);

    private static async Task<MetadataReference> BuildGeneratedLibraryAsync()
    {
        var references = (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .Add(MetadataReference.CreateFromFile(typeof(IWhatsAppMessage).Assembly.Location));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "GeneratedMessages",
            Array.Empty<SyntaxTree>(),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var schemaPath = Path.Combine(AppContext.BaseDirectory, "schema", VideoSchema);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() },
            new AdditionalText[] { new SchemaText(schemaPath, File.ReadAllText(schemaPath)) },
            parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, id is "MG0001" or "MG0002" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, SolutionState state, string[] schemas)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(IWhatsAppMessage).Assembly.Location));
        foreach (var schema in schemas)
        {
            state.AdditionalFiles.Add(($"/0/schema/{schema}", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", schema))));
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() => new DiagnosticAnalyzer[] { new MessageUsageAnalyzer(), new ConstantValueAnalyzer() };

    private sealed class AnalyzerTest : CSharpAnalyzerTest<MessageUsageAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(SchemaGenerator) };

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers();
    }

    private sealed class LibraryConsumerTest : CSharpAnalyzerTest<MessageUsageAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers();
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class CodeFixTest : CSharpCodeFixTest<MessageUsageAnalyzer, MutuallyExclusiveMembersCodeFixProvider, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(SchemaGenerator) };

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers();

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders()
            => new CodeFixProvider[] { new MutuallyExclusiveMembersCodeFixProvider(), new DependentMemberWithoutDependencyCodeFixProvider() };
    }
}
