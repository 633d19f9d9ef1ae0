using System.Collections.Immutable;
using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Analyzers.Benchmarks;

/// <summary>A consumer of 500 files: a fifth build video messages, the rest is ordinary code the analyzers must skip fast.</summary>
internal static class ConsumerCompilation
{
    public const int FileCount = 500;

    public static CSharpCompilation Create()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, FileCount).Select(i => CSharpSyntaxTree.ParseText(Source(i), parseOptions, path: $"File{i}.cs")).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(IWhatsAppMessage).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The generated types are part of the consumer's compilation, as in a real build.
        var schemaPath = Path.Combine(AppContext.BaseDirectory, "schema", "video-message.schema.json");
        var schema = new SchemaText(schemaPath, File.ReadAllText(schemaPath));
        CSharpGeneratorDriver.Create(new[] { new SchemaGenerator().AsSourceGenerator() }, new AdditionalText[] { schema }, parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        return (CSharpCompilation)withGenerated;
    }

    public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers { get; } =
        typeof(SchemaGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static string Source(int index) => index % 5 == 0
        ? $$"""
            using MessageGen.WhatsApp;

            public static class Sender{{index}}
            {
                public static string Build(string to, string? link, string id)
                {
                    var builder = VideoMessage.Builder().WithTo(to);
                    if (link is not null)
                    {
                        builder.WithVideo(v => v.WithLink(link).WithCaption("Clip {{index}}"));
                    }
                    else
                    {
                        builder.WithVideo(new VideoMedia { Id = id });
                    }

                    return builder.Build().ToJson();
                }
            }
            """
        : $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;

            public sealed class Service{{index}}
            {
                private readonly List<int> _values = new();

                public void Add(int value) => _values.Add(value * {{index}});

                public string Describe()
                {
                    var builder = new StringBuilder();
                    foreach (var value in _values.Where(v => v % 2 == 0).OrderBy(v => v))
                    {
                        builder.Append(value).Append(',');
                    }

                    return builder.ToString();
                }
            }
            """;
}
