using BenchmarkDotNet.Attributes;
using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageGen.Analyzers.Benchmarks;

/// <summary>
/// The generator's first run over every schema the package ships (a new driver, so nothing is cached), as in a build
/// that starts from scratch; and a second run after an unrelated edit, which should cost next to nothing.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly string[] ShippedSchemas = ["video-message.schema.json", "send-message-response.schema.json"];

    private AdditionalText[] _schemas = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = ShippedSchemas
            .Select(name => Path.Combine(AppContext.BaseDirectory, "schema", name))
            .Select(path => (AdditionalText)new SchemaText(path, File.ReadAllText(path)))
            .ToArray();
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warmDriver = NewDriver().RunGenerators(_compilation);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { }"));
    }

    [Benchmark(Description = "First run over the shipped schemas")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "Run after an unrelated edit (cached)")]
    public GeneratorDriver RunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new SchemaGenerator().AsSourceGenerator()],
        _schemas,
        new CSharpParseOptions(LanguageVersion.Latest),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
