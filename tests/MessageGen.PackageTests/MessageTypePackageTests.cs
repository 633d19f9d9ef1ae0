using System.Text;
using System.Text.RegularExpressions;

namespace MessageGen.PackageTests;

/// <summary>
/// Every shipped message type, from a fresh consumer of the packed package: the docs' examples build and print the
/// API's exact bodies, constants over a documented limit do not compile, and run-time values over one fail at Build().
/// </summary>
[Collection(PackageFeedCollection.Name)]
public partial class MessageTypePackageTests(PackageFeed feed)
{
    private static readonly string DocsDirectory = Path.Combine(PackageFeed.RepositoryRoot, "docs", "messages");

    [Fact]
    public void Every_example_in_the_message_type_pages_builds_and_prints_the_JSON_its_page_shows()
    {
        var examples = DocExample.ReadAll(DocsDirectory);
        Assert.True(examples.Count >= 12, $"Expected an example per type in {DocsDirectory}, found {examples.Count}.");
        var consumer = feed.CreateConsumer("MessageTypeDocsConsumer", extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .WithFile("Program.cs", DocExample.Program(examples));

        consumer.Build().ShouldSucceed();

        var printed = DocExample.SplitOutput(consumer.Run().ShouldSucceed().Output);
        Assert.All(examples, e => Assert.Equal(e.Json, printed[e.Name]));
    }

    [Fact]
    public void A_constant_over_a_documented_limit_of_any_type_does_not_compile()
    {
        // One statement per line, so that each diagnostic is matched to its line.
        string[] statements =
        [
            $$"""TextMessage.Builder().WithTo("4915112345678").WithText(t => t.WithBody("{{new string('a', 4097)}}")).Build();""",
            $$"""ImageMessage.Builder().WithTo("4915112345678").WithImage(i => i.WithId("1").WithCaption("{{new string('c', 1025)}}")).Build();""",
            """StickerMessage.Builder().WithTo("4915112345678").WithSticker(s => s.WithId("1").WithLink("https://example.com/s.webp")).Build();""",
            """DocumentMessage.Builder().WithTo("4915112345678").WithDocument(d => d.WithCaption("Invoice")).Build();""",
            """LocationMessage.Builder().WithTo("4915112345678").WithLocation(l => l.WithLatitude(91).WithLongitude(13.4)).Build();""",
            """InteractiveMessage.Builder().WithTo("4915112345678").WithButtonInteractive(i => i.WithBody(b => b.WithText("Pick")).WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("1").WithTitle("A title over twenty characters"))))).Build();""",
            """InteractiveMessage.Builder().WithTo("4915112345678").WithCtaUrlInteractive(i => i.WithBody(b => b.WithText("Track")).WithAction(a => a.WithParameters(p => p.WithDisplayText("Track").WithUrl("http://example.com")))).Build();""",
            """AudioMessage.Builder().WithTo("not a number").WithAudio(a => a.WithId("1")).Build();""",
            """ReactionMessage.Builder().WithTo("4915112345678").WithReaction(r => r.WithMessageId("wamid.1")).Build();""",
        ];
        string[] expected = ["MG0004", "MG0004", "MG0001", "MG0002", "MG0007", "MG0004", "MG0006", "MG0005", "MG0003"];
        var consumer = feed.CreateConsumer("MessageTypeLimitsConsumer", extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .WithFile("Program.cs", "using MessageGen.WhatsApp;\n" + string.Join('\n', statements) + "\n");

        var output = consumer.Build().ShouldFail().Output;

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Matches($@"Program\.cs\({i + 2},\d+\): error {expected[i]}:", output);
        }

        Assert.DoesNotMatch(@"error CS\d+", output);
    }

    [Fact]
    public void A_run_time_value_over_a_documented_limit_of_any_type_fails_at_Build_with_its_path()
    {
        var consumer = feed.CreateConsumer("MessageTypeBuildConsumer").WithFile("Program.cs", """
            using MessageGen;
            using MessageGen.WhatsApp;

            var n = int.Parse("1");
            Try(() => TextMessage.Builder().WithTo("4915112345678").WithText(t => t.WithBody(new string('a', 4096 + n))).Build());
            Try(() => DocumentMessage.Builder().WithTo("4915112345678").WithDocument(d => d.WithId("1").WithCaption(new string('c', 1024 + n))).Build());
            Try(() => LocationMessage.Builder().WithTo("4915112345678").WithLocation(l => l.WithLatitude(90 + n).WithLongitude(-180 - n)).Build());
            Try(() => InteractiveMessage.Builder().WithTo("4915112345678").WithButtonInteractive(i => i.WithBody(b => b.WithText("Pick"))
                .WithAction(a => a.WithButtons(Enumerable.Range(0, 3 + n).Select(k => ReplyButton.Builder().WithReply(r => r.WithId($"{k}").WithTitle($"Option {k}")).Build())))).Build());
            Try(() => ContactsMessage.Builder().WithTo("4915112345678").AddContact(c => c.WithName(x => x.WithFirstName(n > 0 ? "Anna" : null))).Build());

            static void Try(Func<IWhatsAppMessage> build)
            {
                try
                {
                    build();
                    Console.WriteLine("built");
                }
                catch (MessageValidationException e)
                {
                    Console.WriteLine(string.Join(" ", e.Errors.Select(v => v.Path)));
                }
            }
            """);

        consumer.Build().ShouldSucceed();

        var lines = consumer.Run().ShouldSucceed().Output.Trim().Split('\n').Select(l => l.Trim());
        Assert.Equal(
            [
                "$.text.body",
                "$.document.caption",
                "$.location.latitude $.location.longitude",
                "$.interactive.action.buttons",
                "$.contacts[0].name.formatted_name",
            ],
            lines);
    }

    /// <summary>A C# example of a docs page and the JSON the page says it prints (the next json block).</summary>
    private sealed partial record DocExample(string Name, string Code, string Json)
    {
        private const string Marker = "=== ";

        public static IReadOnlyList<DocExample> ReadAll(string directory) =>
            Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal)
                .SelectMany(page => Read(Path.GetFileNameWithoutExtension(page), File.ReadAllText(page)))
                .ToList();

        private static IEnumerable<DocExample> Read(string page, string markdown)
        {
            var blocks = Block().Matches(markdown).Select(m => (Language: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].Language == "csharp")
                {
                    Assert.True(i + 1 < blocks.Count && blocks[i + 1].Language == "json", $"{page}.md: a csharp block must be followed by the json it prints.");
                    yield return new DocExample($"{page}-{i}", blocks[i].Text, blocks[i + 1].Text.Trim());
                }
            }
        }

        /// <summary>One program that runs every example in turn, each as a method, printing a marker before it.</summary>
        public static string Program(IReadOnlyList<DocExample> examples)
        {
            var program = new StringBuilder("using MessageGen.WhatsApp;\n\n");
            foreach (var example in examples)
            {
                program.Append($"Console.WriteLine(\"{Marker}{example.Name}\");\n{Method(example)}();\n");
            }

            foreach (var example in examples)
            {
                var body = string.Join('\n', example.Code.Split('\n').Where(line => !line.StartsWith("using ", StringComparison.Ordinal)));
                program.Append($"\nstatic void {Method(example)}()\n{{\n{body}\n}}\n");
            }

            return program.ToString();
        }

        public static Dictionary<string, string> SplitOutput(string output) =>
            output.Split(Marker, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('\n', 2))
                .ToDictionary(part => part[0].Trim(), part => part.Length > 1 ? part[1].Trim() : "");

        private static string Method(DocExample example) => "Example_" + example.Name.Replace('-', '_');

        [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex Block();
    }
}
