using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Tests;

/// <summary>Runs the generator on a templates file beside the message schemas its headers need, as a consumer's build does.</summary>
internal static class TemplateHarness
{
    public const string FixturePath = "/project/whatsapp-templates.json";

    /// <summary>The schemas whose types template headers are sent with (VideoMedia, ImageMedia, DocumentMedia, LocationContent).</summary>
    public static readonly string[] MediaSchemas =
    {
        "video-message.schema.json", "image-message.schema.json", "document-message.schema.json", "location-message.schema.json",
    };

    public static string FixtureText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "whatsapp-templates.json"));

    public static InMemoryAdditionalText Fixture() => new(FixturePath, FixtureText);

    public static IEnumerable<AdditionalText> Schemas(params string[] fileNames) => fileNames.Select(GeneratorHarness.Schema);

    public static GeneratorDriver Driver(string? templates = null, IEnumerable<AdditionalText>? schemas = null)
        => GeneratorHarness.CreateDriver((schemas ?? Schemas(MediaSchemas)).Append(new InMemoryAdditionalText(FixturePath, templates ?? FixtureText)));

    /// <summary>Runs the generator on the fixture (or <paramref name="templates"/>) and the media schemas; checks that a second run caches.</summary>
    public static GeneratorRunResult Run(out Compilation output, out ImmutableArray<Diagnostic> diagnostics, string? templates = null, params string[] sources)
        => GeneratorHarness.RunAndCheckCaching(Driver(templates), GeneratorHarness.Compilation(sources), out output, out diagnostics);

    /// <summary>The generator's diagnostics for <paramref name="templates"/>, with the text each one points at.</summary>
    public static IReadOnlyList<(string Id, string Message, string At, int Line)> Diagnostics(string templates, IEnumerable<AdditionalText>? schemas = null)
    {
        Driver(templates, schemas).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out _, out var diagnostics);
        return diagnostics
            .Select(d => (d.Id, d.GetMessage(), d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile ? Text(d.Location, templates) : string.Empty, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
    }

    /// <summary>Compiles the code generated from the fixture (or <paramref name="templates"/>) with <paramref name="source"/>, loads it, and calls the static <c>Scenario.<paramref name="method"/>()</c>.</summary>
    public static string Call(string source, string method, string? templates = null)
    {
        var driver = Driver(templates);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(source), out var output, out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("templates", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var scenario = assembly.GetType("Scenario")!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
            return (string)scenario.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Text(Location location, string text)
    {
        var span = location.SourceSpan;
        return span.End <= text.Length ? text.Substring(span.Start, span.Length) : "(past the end)";
    }
}
