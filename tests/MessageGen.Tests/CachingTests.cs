using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageGen.Tests;

public class CachingTests
{
    [Fact]
    public void An_edit_unrelated_to_the_schemas_reruns_no_step()
    {
        var driver = GeneratorHarness.CreateDriver(new[]
        {
            GeneratorHarness.Schema("video-message.schema.json"),
            GeneratorHarness.Schema("send-message-response.schema.json"),
        });
        var compilation = GeneratorHarness.Compilation("class Program { static void Main() { } }");
        driver = driver.RunGenerators(compilation);

        var edited = compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 42; }", new CSharpParseOptions(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = GeneratorHarness.Reasons(result).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(
            r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Step {r.Step} ran again ({r.Reason}) after an unrelated C# edit."));
    }

    [Fact]
    public void A_schema_edit_reruns_only_that_schemas_steps()
    {
        var video = GeneratorHarness.Schema("video-message.schema.json");
        var response = GeneratorHarness.Schema("send-message-response.schema.json");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { video, response });
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);

        var editedText = video.GetText()!.ToString().Replace("at most 1024 characters", "1024 characters at most", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(video, new InMemoryAdditionalText(video.Path, editedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var emit = result.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, parse);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, emit);
        Assert.Contains("1024 characters at most", result.GeneratedSources.Single(s => s.HintName == "video-message.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_whitespace_only_schema_edit_leaves_the_emitted_code_unchanged()
    {
        var video = GeneratorHarness.Schema("video-message.schema.json");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { video });
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(video, new InMemoryAdditionalText(video.Path, video.GetText()!.ToString() + "\n\n"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The file changed, so it is read and parsed again; the model is equal, so emitting is skipped.
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.SchemaFiles].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, result.TrackedSteps[TrackingNames.Emit].Single().Outputs.Single().Reason);
    }
}
