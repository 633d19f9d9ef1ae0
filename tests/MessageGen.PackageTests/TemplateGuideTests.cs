using System.Globalization;
using System.Text.RegularExpressions;

namespace MessageGen.PackageTests;

/// <summary>
/// docs/guides/video-outside-the-24-hour-window.md, run as written against the packed tool and packages: listen, a
/// sandbox with templates, templates pull into a fresh project, the generated template sent, its statuses watched; then
/// the mistakes the page names fail the build at their line.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public class TemplateGuideTests(PackageFeed feed)
{
    private const string GuideSandboxPort = "5090";
    private const string GuideListenPort = "5091";

    private static readonly IReadOnlyList<(string Language, string Text)> Blocks = ReadmeTests.ReadBlocks(
        File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "docs", "guides", "video-outside-the-24-hour-window.md")));

    private static string Block(string language) => Blocks.Single(b => b.Language == language).Text;

    private static string[] ShellCommands => Blocks.Where(b => b.Language == "sh").SelectMany(b => b.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    [Fact]
    public void The_guide_pulls_templates_builds_sends_a_video_template_and_watches_it_arrive()
    {
        Assert.Equal(["messagegen listen", "messagegen sandbox", "messagegen templates", "dotnet run"], ShellCommands.Select(c => string.Join(' ', c.Split(' ')[..2])));
        var (sandboxPort, listenPort) = (ReadmeTests.FreePort().ToString(CultureInfo.InvariantCulture), ReadmeTests.FreePort().ToString(CultureInfo.InvariantCulture));
        string Ports(string text) => text.Replace(GuideSandboxPort, sandboxPort, StringComparison.Ordinal).Replace(GuideListenPort, listenPort, StringComparison.Ordinal);
        var tool = InstallTool();
        var consumer = CreateConsumer("TemplateGuide", Ports(Block("csharp")));

        using var listen = Command.Start(tool, Arguments(Ports(ShellCommands[0])), consumer.Directory, null, out var listenOutput);
        using var sandbox = Command.Start(tool, Arguments(Ports(ShellCommands[1])), PackageFeed.RepositoryRoot, null, out var sandboxOutput);
        try
        {
            ReadmeTests.WaitFor(listenOutput, "Listening for webhooks", listen);
            ReadmeTests.WaitFor(sandboxOutput, "Sandbox listening on", sandbox);
            Command.Run(tool, Arguments(Ports(ShellCommands[2])), TimeSpan.FromMinutes(1), consumer.Directory).ShouldSucceed();
            Assert.Contains("\"name\": \"order_shipped\"", File.ReadAllText(Path.Combine(consumer.Directory, "whatsapp-templates.json")), StringComparison.Ordinal);

            consumer.Build().ShouldSucceed();
            var output = consumer.Run().ShouldSucceed().Output;

            var messageId = Regex.Match(output, @"(wamid\.\S+) accepted").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(messageId), output);
            ReadmeTests.WaitFor(listenOutput, $"status {messageId} read", listen);
            lock (listenOutput)
            {
                var text = listenOutput.ToString();
                Assert.True(text.IndexOf($"status {messageId} sent", StringComparison.Ordinal) < text.IndexOf($"status {messageId} delivered", StringComparison.Ordinal), text);
            }
        }
        finally
        {
            listen.Kill(entireProcessTree: true);
            sandbox.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void The_mistakes_the_guide_names_fail_the_build_at_their_line()
    {
        var program = Block("csharp");
        var templates = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "tests", "fixtures", "templates", "sandbox-templates.json"));
        var withoutHeader = Regex.Replace(program, @"^\s*\.WithHeaderVideo\(.*\)\r?\n", "", RegexOptions.Multiline);
        (string Mistake, string Id, int Line)[] mistakes =
        [
            Changed(program.Replace(".WithLanguage(\"en_US\")", ".WithLanguage(\"fr_FR\")", StringComparison.Ordinal), "error MG0009"),
            // A part never set is reported where the message is built.
            (withoutHeader, "error MG0010", withoutHeader.Split('\n').ToList().FindIndex(l => l.Contains(".Build()", StringComparison.Ordinal)) + 1),
            Changed(program.Replace(".WithBody(\"Anna\", \"A-1042\")", ".WithBody(\"Anna\")", StringComparison.Ordinal), "error CS7036"),
            Changed(program.Replace("https://cdn.example.com", "http://cdn.example.com", StringComparison.Ordinal), "error MG0006"),
        ];
        (string, string, int) Changed(string mistake, string id) => (mistake, id, FirstDifferentLine(program, mistake));
        foreach (var (mistake, id, line) in mistakes)
        {
            Assert.NotEqual(program, mistake);
            var consumer = CreateConsumer($"TemplateGuideMistake{id[^4..]}", mistake);
            File.WriteAllText(Path.Combine(consumer.Directory, "whatsapp-templates.json"), templates);

            var build = consumer.Build().ShouldFail().Output;

            Assert.Matches($@"Program\.cs\({line},\d+\): {id}", build);
        }
    }

    private Consumer CreateConsumer(string name, string program) =>
        feed.CreateConsumer(name, extraProjectXml: Block("xml")).WithFile("Program.cs", program);

    /// <summary>The 1-based line where <paramref name="changed"/> first differs from <paramref name="original"/>.</summary>
    private static int FirstDifferentLine(string original, string changed)
    {
        var (a, b) = (original.Split('\n'), changed.Split('\n'));
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }

    private string InstallTool()
    {
        var toolPath = Path.Combine(feed.Root, "template-guide-tools");
        if (!File.Exists(Path.Combine(toolPath, "messagegen")))
        {
            DotNet.Run(feed.Root, "tool", "install", "MessageGen.Cli", "--tool-path", toolPath, "--add-source", feed.Feed, "--version", feed.Version).ShouldSucceed();
        }

        return Path.Combine(toolPath, "messagegen");
    }

    private static string[] Arguments(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
}
