using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>
/// The generated code is checked in under Snapshots/ so that every change to it is reviewed.
/// Set MESSAGEGEN_UPDATE_SNAPSHOTS=1 to rewrite them after an intended change.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("video-message.schema.json", "video-message.g.cs")]
    [InlineData("send-message-response.schema.json", "send-message-response.g.cs")]
    [InlineData("image-message.schema.json", "image-message.g.cs")]
    public void Generated_code_matches_snapshot_compiles_clean_and_caches(string schema, string snapshot)
    {
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema(schema) });
        var result = GeneratorHarness.RunAndCheckCaching(driver, GeneratorHarness.Compilation(), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compileDiagnostics.Count == 0, string.Join(Environment.NewLine, compileDiagnostics));

        var generated = Assert.Single(result.GeneratedSources);
        Assert.Equal(snapshot, generated.HintName);
        AssertSnapshot(snapshot, generated.SourceText.ToString());
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

    private static void AssertSnapshot(string name, string actual)
    {
        var directory = typeof(SnapshotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SnapshotDirectory").Value!;
        var path = Path.Combine(directory, name);
        if (Environment.GetEnvironmentVariable("MESSAGEGEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run with MESSAGEGEN_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
