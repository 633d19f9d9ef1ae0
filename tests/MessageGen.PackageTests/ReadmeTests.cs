using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MessageGen.PackageTests;

/// <summary>
/// Every code block in the README is compiled, run or checked here, as written, against the packed packages, so the
/// README cannot drift from what users get. The only changes made to a block are to where things are: the package
/// folder (<c>./artifacts</c>) becomes this run's feed, the sandbox's port a free one, and a global tool install a
/// tool path.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public partial class ReadmeTests(PackageFeed feed)
{
    private const string ReadmePort = "5080";
    private const string UnplayableVideoCommand = "dotnet run --project samples/SendVideo -- --file tests/fixtures/video/hevc.mp4";

    private static readonly IReadOnlyList<(string Language, string Text)> Blocks = ReadBlocks(File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "README.md")));

    [Fact]
    public void Every_block_is_of_a_kind_these_tests_check()
    {
        Assert.NotEmpty(Blocks);
        Assert.All(Blocks, b => Assert.Contains(b.Language, new[] { "sh", "csharp", "xml", "text" }));
    }

    [Fact]
    public void Every_shell_command_is_one_these_tests_run()
    {
        string[] known =
        [
            "dotnet run --project samples/SendVideo",
            UnplayableVideoCommand,
            "dotnet test MessageGen.sln -c Release",
            .. QuickStartCommands,
            "messagegen --help", // run by the quick start, with the tool it installs
        ];

        Assert.All(Commands(), c => Assert.Contains(c, known));
    }

    [Fact]
    public void The_test_command_is_what_CI_runs()
    {
        var ci = File.ReadAllLines(Path.Combine(PackageFeed.RepositoryRoot, ".ci", "run"));

        Assert.Contains("dotnet test MessageGen.sln -c Release", Commands());
        Assert.Contains("dotnet test MessageGen.sln -c Release", ci);
    }

    [Fact]
    public void The_sample_sends_a_video_message_to_its_own_sandbox()
    {
        Assert.Contains("dotnet run --project samples/SendVideo", Commands());

        var output = DotNet.Run(PackageFeed.RepositoryRoot, "run", "--project", "samples/SendVideo").ShouldSucceed().Output;

        Assert.Contains("sending to a local sandbox", output, StringComparison.Ordinal);
        Assert.Matches(@"message id: wamid\.\S+", output);
        Assert.Contains("Accepted is not delivered", output, StringComparison.Ordinal);
        Assert.Matches(@"After accepted \(webhooks from the sandbox\):\r?\n  sent\r?\n  delivered\r?\n  read\r?\n", output);
    }

    [Fact]
    public void After_accepted_an_unplayable_video_fails_with_131053()
    {
        Assert.Contains(UnplayableVideoCommand, Commands());

        var output = DotNet.Run(PackageFeed.RepositoryRoot, Arguments(UnplayableVideoCommand)).ShouldSucceed().Output;

        Assert.Matches(@"message id: wamid\.\S+", output);
        Assert.Matches(@"  sent\r?\n  failed 131053 Media upload error: .*hevc", output);
    }

    /// <summary>
    /// Install, first message, sandbox: the quick start's commands and C# blocks, in order, in a brand-new console
    /// project; the tool it installs also answers the Command line section's <c>messagegen --help</c>.
    /// </summary>
    [Fact]
    public void The_quick_start_works_as_written()
    {
        var commands = Commands().Where(QuickStartCommands.Contains).ToList();
        Assert.Equal(QuickStartCommands, commands);
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var directory = Path.Combine(feed.Root, "QuickStart");
        Directory.CreateDirectory(directory);
        DotNet.Run(directory, "new", "console", "--framework", "net10.0").ShouldSucceed();

        // 1. dotnet pack: the feed was made by this very command (PackageFeed.PackCommand).
        Assert.Equal(["dotnet", .. PackageFeed.PackCommand, "./artifacts"], commands[0].Split(' '));
        DotNet.Run(directory, [.. Arguments(commands[1]), "--version", feed.Version]).ShouldSucceed();

        // 2. and 3. The C# blocks are one program; the sandbox runs from the tool installed as the README says.
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program(Blocks.Where(b => b.Language == "csharp").Select(b => b.Text), port));
        var toolPath = Path.Combine(feed.Root, "quick-start-tools");
        var install = Arguments(commands[2]).Select(a => a == "--global" ? "--tool-path" : a).ToList();
        install.Insert(install.IndexOf("--tool-path") + 1, toolPath);
        DotNet.Run(directory, [.. install, "--version", feed.Version]).ShouldSucceed();

        var tool = Path.Combine(toolPath, "messagegen");
        var help = Command.Run(tool, ["--help"], TimeSpan.FromMinutes(1)).ShouldSucceed().Output;
        Assert.All(new[] { "send", "inspect", "sandbox" }, command => Assert.Contains(command, help, StringComparison.Ordinal));

        var sandboxArguments = commands[3].Split(' ').Skip(1).Select(a => a == ReadmePort ? port : a);
        using var sandbox = Command.Start(tool, sandboxArguments, directory, null, out var sandboxOutput);
        try
        {
            WaitFor(sandboxOutput, "Sandbox listening on", sandbox);
            DotNet.Run(directory, "build", "-c", "Release", "--nologo").ShouldSucceed();
            var output = DotNet.Run(directory, "run", "-c", "Release", "--no-build").ShouldSucceed().Output;

            var expectedJson = Regex.Match(Blocks.First(b => b.Language == "csharp").Text, @"^// (\{.*\})$", RegexOptions.Multiline);
            Assert.True(expectedJson.Success, "The quick start's first C# block no longer shows the JSON it prints in a '// {...}' line.");
            Assert.Contains(expectedJson.Groups[1].Value, output, StringComparison.Ordinal);
            Assert.Matches(@"wamid\.\S+ accepted", output);
            WaitFor(sandboxOutput, "POST /messages", sandbox);
            lock (sandboxOutput)
            {
                Assert.Matches(@"POST /messages \(\d+ bytes\) -> 200", sandboxOutput.ToString());
            }
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void The_schema_snippet_adds_a_message_type_with_the_same_checks()
    {
        var snippet = Blocks.Single(b => b.Language == "xml").Text;
        var imageSchema = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "tests/MessageGen.Generated.Tests/Schemas/photo-message.schema.json"));
        var consumer = feed.CreateConsumer("ReadmeSchemaConsumer", extraProjectXml: snippet)
            .WithFile("schemas/photo-message.schema.json", imageSchema)
            .WithFile("Program.cs", """
                using MessageGen.WhatsApp;

                Console.WriteLine(PhotoMessage.Builder().WithTo("4915112345678").WithImage(i => i.WithId("42").WithLink("https://example.com/i.png")).Build().ToJson());
                """);

        var build = consumer.Build().ShouldFail();

        Assert.Matches(@"Program\.cs\(3,\d+\): error MG0001: 'link' cannot be set together with 'id'", build.Output);
    }

    [Fact]
    public void Every_path_in_the_repository_map_exists()
    {
        var map = Blocks.Single(b => b.Language == "text").Text;
        var paths = map.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(
            Directory.Exists(Path.Combine(PackageFeed.RepositoryRoot, p)) || File.Exists(Path.Combine(PackageFeed.RepositoryRoot, p)),
            $"The README's repository map names {p}, which does not exist."));
    }

    /// <summary>The quick start's commands, in the order it gives them.</summary>
    private static readonly string[] QuickStartCommands =
    [
        "dotnet pack MessageGen.sln -c Release -o ./artifacts",
        "dotnet add package MessageGen --source ./artifacts",
        "dotnet tool install --global MessageGen.Cli --add-source ./artifacts",
        "messagegen sandbox --port 5080 --api-key sandbox-key",
    ];

    private string[] Arguments(string command)
        => command.Split(' ').Skip(1).Select(a => a == "./artifacts" ? feed.Feed : a).ToArray();

    private static List<string> Commands()
        => Blocks.Where(b => b.Language == "sh")
            .SelectMany(b => b.Text.Split('\n'))
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .ToList();

    /// <summary>The C# blocks as one top-level program: each block's using directives go to the top, where C# wants them.</summary>
    private static string Program(IEnumerable<string> blocks, string port)
    {
        var usings = new List<string>();
        var statements = new List<string>();
        foreach (var line in blocks.SelectMany(b => b.Split('\n')))
        {
            (UsingDirective().IsMatch(line) ? usings : statements).Add(line.Replace(ReadmePort, port, StringComparison.Ordinal));
        }

        return string.Join('\n', usings.Distinct().Concat(statements));
    }

    internal static List<(string Language, string Text)> ReadBlocks(string markdown)
    {
        var blocks = new List<(string, string)>();
        foreach (Match match in FencedBlock().Matches(markdown.ReplaceLineEndings("\n")))
        {
            blocks.Add((match.Groups["language"].Value, match.Groups["text"].Value));
        }

        return blocks;
    }

    internal static void WaitFor(System.Text.StringBuilder output, string text, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            lock (output)
            {
                if (output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            Assert.False(process.HasExited, $"The sandbox exited before printing '{text}':\n{output}");
            Thread.Sleep(100);
        }

        Assert.Fail($"The sandbox did not print '{text}' within a minute:\n{output}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^using [A-Za-z.]+;$")]
    private static partial Regex UsingDirective();
}
