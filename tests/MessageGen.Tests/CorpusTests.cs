using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>
/// Schemas shaped like the ones people write (manifests, workflows, settings, problem details, draft-07 leftovers,
/// recursion, hostile names). Whatever the generator makes of each: it does not throw, every diagnostic is reported
/// once and inside the file, nothing is generated beside an error, and what is generated compiles.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Schemas() => [.. FileNames()];

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.schema.json").Select(p => Path.GetFileName(p)).Order();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Any_schema_gives_clear_diagnostics_or_code_that_compiles_never_a_broken_build(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", fileName);
        var text = File.ReadAllText(path);
        var driver = GeneratorHarness.CreateDriver([new InMemoryAdditionalText(path, text)]);

        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "MG1000");
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
            Assert.InRange(diagnostic.Location.SourceSpan.End, 0, text.Length);
        }

        var distinct = diagnostics.Select(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).Distinct().Count();
        Assert.True(distinct == diagnostics.Length, "A diagnostic is reported more than once:\n" + string.Join("\n", diagnostics));
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Assert.Empty(result.GeneratedSources);
        }
        else
        {
            Assert.NotEmpty(result.GeneratedSources);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{fileName}: generated code does not compile:\n{string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void The_corpus_exercises_both_outcomes()
    {
        var outcomes = FileNames().Select(fileName =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Corpus", fileName);
            var driver = GeneratorHarness.CreateDriver([new InMemoryAdditionalText(path, File.ReadAllText(path))]);
            return driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single().GeneratedSources.Length > 0;
        }).ToList();

        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }
}
