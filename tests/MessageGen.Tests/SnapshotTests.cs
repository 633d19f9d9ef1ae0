using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>The code generated for whole schemas, checked in under Snapshots/ (see <see cref="Snapshot"/>).</summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("video-message.schema.json", "video-message.g.cs")]
    [InlineData("send-message-response.schema.json", "send-message-response.g.cs")]
    [InlineData("photo-message.schema.json", "photo-message.g.cs")]
    [InlineData("text-message.schema.json", "text-message.g.cs")]
    [InlineData("image-message.schema.json", "image-message.g.cs")]
    [InlineData("audio-message.schema.json", "audio-message.g.cs")]
    [InlineData("document-message.schema.json", "document-message.g.cs")]
    [InlineData("sticker-message.schema.json", "sticker-message.g.cs")]
    [InlineData("location-message.schema.json", "location-message.g.cs")]
    [InlineData("contacts-message.schema.json", "contacts-message.g.cs")]
    [InlineData("interactive-message.schema.json", "interactive-message.g.cs")]
    [InlineData("reaction-message.schema.json", "reaction-message.g.cs")]
    public void Generated_code_matches_snapshot_compiles_clean_and_caches(string schema, string snapshot)
    {
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema(schema) });
        var result = GeneratorHarness.RunAndCheckCaching(driver, GeneratorHarness.Compilation(), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compileDiagnostics.Count == 0, string.Join(Environment.NewLine, compileDiagnostics));

        var generated = Assert.Single(result.GeneratedSources);
        Assert.Equal(snapshot, generated.HintName);
        Snapshot.AssertMatches(snapshot, generated.SourceText.ToString());
    }

    [Fact]
    public void MessageGenNamespace_and_internal_accessibility_are_honoured()
    {
        var properties = new Dictionary<string, string> { ["MessageGenNamespace"] = "Contoso.Messages", ["MessageGenAccessibility"] = "internal" };
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema("video-message.schema.json") }, properties);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out _);

        var message = output.GetTypeByMetadataName("Contoso.Messages.VideoMessage");
        Assert.NotNull(message);
        Assert.Equal(Accessibility.Internal, message!.DeclaredAccessibility);
        Assert.Null(output.GetTypeByMetadataName("MessageGen.WhatsApp.VideoMessage"));
    }

    [Fact]
    public void A_schema_files_own_namespace_and_accessibility_override_the_projects()
    {
        var video = GeneratorHarness.Schema("video-message.schema.json");
        var response = GeneratorHarness.Schema("send-message-response.schema.json");
        var properties = new Dictionary<string, string> { ["MessageGenNamespace"] = "Contoso.Messages", ["MessageGenAccessibility"] = "internal" };
        var metadata = new Dictionary<string, Dictionary<string, string>>
        {
            [video.Path] = new() { ["MessageGenNamespace"] = "Contoso.Video", ["MessageGenAccessibility"] = "public" },
        };
        var driver = GeneratorHarness.CreateDriver(new[] { video, response }, properties, metadata);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(Accessibility.Public, output.GetTypeByMetadataName("Contoso.Video.VideoMessage")?.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName("Contoso.Messages.SendMessageResponse")?.DeclaredAccessibility);
        Assert.Null(output.GetTypeByMetadataName("Contoso.Messages.VideoMessage"));
    }
}
