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

        GeneratorHarness.AssertClearDiagnosticsOrCompilingCode(path, File.ReadAllText(path), fileName);
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
