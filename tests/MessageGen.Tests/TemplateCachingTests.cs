using MessageGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageGen.Tests;

/// <summary>The templates pipeline re-runs only what an edit touches.</summary>
public class TemplateCachingTests
{
    private static readonly string[] s_schemaSteps = { TrackingNames.SchemaFiles, TrackingNames.Parse, TrackingNames.Emit };

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList() : new();

    private static GeneratorRunResult RunTwice(string edited, out GeneratorDriver driver)
    {
        var fixture = TemplateHarness.Fixture();
        driver = GeneratorHarness.CreateDriver(TemplateHarness.Schemas(TemplateHarness.MediaSchemas).Append(fixture));
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(fixture, new InMemoryAdditionalText(fixture.Path, edited));
        driver = driver.RunGenerators(compilation);
        return driver.GetRunResult().Results.Single();
    }

    [Fact]
    public void An_edit_unrelated_to_the_templates_reruns_no_step()
    {
        var driver = TemplateHarness.Driver();
        var compilation = GeneratorHarness.Compilation("class Program { static void Main() { } }");
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 42; }", new CSharpParseOptions(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.TemplateFiles, TrackingNames.TemplateParse, TrackingNames.TemplateSpecs, TrackingNames.SchemaTypeNames, TrackingNames.TemplatePlan, TrackingNames.TemplateEmit })
        {
            Assert.NotEmpty(Reasons(result, step));
        }

        Assert.All(GeneratorHarness.Reasons(result), r => Assert.True(
            r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Step {r.Step} ran again ({r.Reason}) after an unrelated C# edit."));
    }

    [Fact]
    public void A_templates_edit_reruns_only_template_steps_and_emits_only_the_changed_template()
    {
        var edited = TemplateHarness.FixtureText.Replace("Your invoice is attached.", "Your invoice is attached, {{1}}.", StringComparison.Ordinal);
        var result = RunTwice(edited, out _);

        foreach (var step in s_schemaSteps)
        {
            Assert.All(Reasons(result, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.TemplateSpecs).Single());
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.TemplatePlan).Single());
        var emit = Reasons(result, TrackingNames.TemplateEmit);
        Assert.Equal(1, emit.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(emit.Where(r => r != IncrementalStepRunReason.Modified), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains("WithBody(string p1)", result.GeneratedSources.Single(s => s.HintName.Contains("InvoiceReady", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_whitespace_only_edit_of_the_templates_file_leaves_the_output_cached()
    {
        // Whitespace before the templates shifts every position in the file: the parse re-runs, the spec is equal.
        var result = RunTwice("\n\n   " + TemplateHarness.FixtureText.Replace("\n", "\n  ", StringComparison.Ordinal), out _);

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.TemplateFiles).Single());
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.TemplateParse).Single());
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.TemplateSpecs).Single());
        Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result, TrackingNames.TemplatePlan).Single());
        Assert.All(Reasons(result, TrackingNames.TemplateEmit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void After_a_whitespace_edit_diagnostics_point_at_the_new_place()
    {
        const string Bad = """{"waba_templates":[{"name":"gap","language":"en_US","status":"approved","components":[{"type":"BODY","text":"{{2}}"}]},{"name":"clash","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"VIDEO"}]}]}""";
        var fixture = new InMemoryAdditionalText(TemplateHarness.FixturePath, Bad);
        var driver = GeneratorHarness.CreateDriver(new[] { fixture });
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        Assert.All(driver.GetRunResult().Diagnostics, d => Assert.Equal(0, d.Location.GetLineSpan().StartLinePosition.Line));

        driver = driver.ReplaceAdditionalText(fixture, new InMemoryAdditionalText(fixture.Path, "\n\n" + Bad)).RunGenerators(compilation);
        var diagnostics = driver.GetRunResult().Diagnostics;
        Assert.Equal(new[] { "MG1011", "MG1014" }, diagnostics.Select(d => d.Id).Order());
        Assert.All(diagnostics, d => Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void A_schema_edit_that_keeps_its_type_names_reruns_no_template_emit()
    {
        var video = GeneratorHarness.Schema("video-message.schema.json");
        var driver = GeneratorHarness.CreateDriver(TemplateHarness.Schemas(TemplateHarness.MediaSchemas.Skip(1).ToArray()).Append(video).Append(TemplateHarness.Fixture()));
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);

        var editedText = video.GetText()!.ToString().Replace("at most 1024 characters", "1024 characters at most", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(video, new InMemoryAdditionalText(video.Path, editedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.SchemaTypeNames).Single());
        Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result, TrackingNames.TemplatePlan).Single());
        Assert.All(Reasons(result, TrackingNames.TemplateEmit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }
}
