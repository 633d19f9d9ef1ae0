using System.Reflection;
using MessageGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageGen.Analyzers.Tests;

/// <summary>Every descriptor links to its docs/rules page, is tracked in AnalyzerReleases, and has the agreed severity.</summary>
public class RuleDocumentationTests
{
    private const string HelpLinkBase = "https://github.com/messagegen/messagegen/blob/main/docs/rules/";

    /// <summary>Every static DiagnosticDescriptor in the MessageGen assembly (analyzer rules and schema diagnostics).</summary>
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void HelpLinkMapsToAnExistingRulePage(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.StartsWith(HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);
        var relative = descriptor.HelpLinkUri[HelpLinkBase.Length..];
        Assert.Equal(id + ".md", relative);
        var page = Path.Combine(Verify.RepositoryRoot, "docs", "rules", relative);
        Assert.True(File.Exists(page), $"{id}: {page} does not exist");
        Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void DescriptorIsTrackedInAnalyzerReleases(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(Verify.RepositoryRoot, "src", "MessageGen", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(Verify.RepositoryRoot, "src", "MessageGen", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageRulesHaveTheAgreedSeverities()
    {
        var analyzers = new DiagnosticAnalyzer[] { new MessageUsageAnalyzer(), new ConstantValueAnalyzer() };
        var severities = analyzers.SelectMany(a => a.SupportedDiagnostics).ToDictionary(d => d.Id, d => d.DefaultSeverity);
        Assert.Equal(
            new Dictionary<string, DiagnosticSeverity>
            {
                ["MG0001"] = DiagnosticSeverity.Error,
                ["MG0002"] = DiagnosticSeverity.Error,
                ["MG0003"] = DiagnosticSeverity.Warning,
                ["MG0004"] = DiagnosticSeverity.Warning,
                ["MG0005"] = DiagnosticSeverity.Warning,
                ["MG0006"] = DiagnosticSeverity.Warning,
                ["MG0007"] = DiagnosticSeverity.Warning,
                ["MG0008"] = DiagnosticSeverity.Warning,
                ["MG0009"] = DiagnosticSeverity.Warning,
                ["MG0010"] = DiagnosticSeverity.Warning,
                ["MG0011"] = DiagnosticSeverity.Warning,
            },
            severities);
        Assert.All(analyzers.SelectMany(a => a.SupportedDiagnostics), d => Assert.True(d.IsEnabledByDefault));
    }

    /// <summary>
    /// The rules tables in the README and in docs/rules are generated from the descriptors and the code fix providers,
    /// so they cannot drift. Set MESSAGEGEN_UPDATE_SNAPSHOTS=1 to rewrite them after changing a descriptor.
    /// </summary>
    [Theory]
    [InlineData("README.md", "docs/rules/")]
    [InlineData("docs/rules/README.md", "")]
    public void RulesTableIsGeneratedFromTheDescriptors(string document, string linkPrefix)
    {
        const string Start = "<!-- rules table: generated from the descriptors by RuleDocumentationTests -->";
        const string End = "<!-- end of rules table -->";
        var path = Path.Combine(Verify.RepositoryRoot, document);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{document} has no '{Start}' ... '{End}' section.");

        var expected = text[..(from + Start.Length)] + "\n" + RulesTable(linkPrefix) + text[to..];
        if (Environment.GetEnvironmentVariable("MESSAGEGEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(expected == text, $"The rules table in {document} differs from the descriptors; run the tests with MESSAGEGEN_UPDATE_SNAPSHOTS=1 to regenerate it.");
    }

    private static string RulesTable(string linkPrefix)
    {
        var fixable = typeof(MessageGen.CodeFixes.MutuallyExclusiveMembersCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        var table = new System.Text.StringBuilder("| Id | Severity | Category | Title | Code fix |\n|---|---|---|---|---|\n");
        foreach (var descriptor in AllDescriptors().OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            table.Append($"| [{descriptor.Id}]({linkPrefix}{descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Category} | {descriptor.Title} | {(fixable.Contains(descriptor.Id) ? "yes" : "")} |\n");
        }

        return table.ToString();
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => typeof(MessageUsageAnalyzer).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .GroupBy(d => d.Id)
            .Select(g => g.First());
}
