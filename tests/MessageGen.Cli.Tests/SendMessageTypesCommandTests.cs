using System.Globalization;
using System.Text;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;
using Microsoft.AspNetCore.Http;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen send</c> for every message type: options per type, <c>--json</c> bodies, and usage errors.</summary>
public sealed class SendMessageTypesCommandTests
{
    private const string To = "+4915112345678";

    private const string Head = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+4915112345678\"";

    private const string Accepted = """{"contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],"messages":[{"id":"wamid.RECORDED","message_status":"accepted"}],"messaging_product":"whatsapp"}""";

    /// <summary>Per type: the command line after <c>send</c> (without <c>--to</c>), and the exact body it sends.</summary>
    public static TheoryData<string, string[], string> Kinds => new()
    {
        { "text", ["text", "--body", "Grüße, see https://example.com 🎉", "--preview-url"], Head + ""","type":"text","text":{"preview_url":true,"body":"Grüße, see https://example.com 🎉"}}""" },
        { "image", ["image", "--link", "https://cdn.example.com/a.jpg", "--caption", "Our shop"], Head + ""","type":"image","image":{"link":"https://cdn.example.com/a.jpg","caption":"Our shop"}}""" },
        { "video", ["video", "--id", "1234567890", "--caption", "Clip"], Head + ""","type":"video","video":{"id":"1234567890","caption":"Clip"}}""" },
        { "audio", ["audio", "--id", "1234567890"], Head + ""","type":"audio","audio":{"id":"1234567890"}}""" },
        { "document", ["document", "--link", "https://cdn.example.com/i.pdf", "--caption", "Invoice", "--filename", "invoice-1042.pdf"], Head + ""","type":"document","document":{"link":"https://cdn.example.com/i.pdf","caption":"Invoice","filename":"invoice-1042.pdf"}}""" },
        { "sticker", ["sticker", "--id", "42"], Head + ""","type":"sticker","sticker":{"id":"42"}}""" },
        { "location", ["location", "--latitude", "-33.8568", "--longitude", "151.2153", "--name", "Sydney Opera House", "--address", "Bennelong Point"], Head + ""","type":"location","location":{"latitude":-33.8568,"longitude":151.2153,"name":"Sydney Opera House","address":"Bennelong Point"}}""" },
        { "reaction", ["reaction", "--message-id", "wamid.HBgLNDkxNTExMjM0NTY3OBUCABIYFDNBMDI=", "--emoji", "👍"], Head + ""","type":"reaction","reaction":{"message_id":"wamid.HBgLNDkxNTExMjM0NTY3OBUCABIYFDNBMDI=","emoji":"👍"}}""" },
        { "interactive", ["interactive", "--body", "Coming tonight?", "--button", "yes=Yes", "--button", "no=No = maybe", "--header", "Party", "--footer", "Reply below"], Head + ""","type":"interactive","interactive":{"type":"button","header":{"type":"text","text":"Party"},"body":{"text":"Coming tonight?"},"footer":{"text":"Reply below"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No = maybe"}}]}}}""" },
        { "contacts", ["contacts", "--name", "Anna Muster", "--phone", "+4915187654321", "--phone", "+4930123456"], Head + ""","type":"contacts","contacts":[{"name":{"formatted_name":"Anna Muster"},"phones":[{"phone":"+4915187654321"},{"phone":"+4930123456"}]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Dry_run_prints_the_exact_body_of_each_type(string kind, string[] args, string body)
    {
        var run = await CliRun.RunAsync(["send", .. args, "--to", To, "--dry-run"]);

        Assert.True(run.ExitCode == 0, $"{kind}: {run}");
        Assert.Equal(body, run.Output.Trim());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_type_as_an_argument_and_as_type_are_the_same(string kind, string[] args, string body)
    {
        var run = await CliRun.RunAsync(["send", "--type", kind, .. args[1..], "--to", To, "--dry-run"]);

        Assert.True(run.ExitCode == 0, $"{kind}: {run}");
        Assert.Equal(body, run.Output.Trim());
    }

    [Fact]
    public async Task Giving_the_type_both_ways_alike_is_fine()
    {
        var run = await CliRun.RunAsync(["send", "text", "--type", "text", "--to", To, "--body", "hi", "--dry-run"]);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Without_a_type_send_still_sends_a_video()
    {
        var run = await CliRun.RunAsync(["send", "--to", To, "--id", "1234567890", "--caption", "Clip", "--dry-run"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Head + ""","type":"video","video":{"id":"1234567890","caption":"Clip"}}""", run.Output.Trim());
    }

    [Fact]
    public async Task A_video_is_sent_to_the_sandbox_as_printed_by_the_dry_run()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(
            ["send", "video", "--to", To, "--id", "1234567890", "--caption", "Clip", "--base-url", sandbox.BaseAddress.ToString()],
            new Dictionary<string, string> { ["D360_API_KEY"] = sandbox.ApiKey });

        Assert.True(run.ExitCode == 0, run.ToString());
        var message = Assert.Single(sandbox.Messages);
        Assert.Equal(message.Id, run.Output.Trim());
        Assert.Equal(Head + ""","type":"video","video":{"id":"1234567890","caption":"Clip"}}""", Encoding.UTF8.GetString(message.Body.Span));
    }

    /// <summary>
    /// Every type goes out over a real connection to the sandbox, which validates it as the API does, with the key and
    /// exactly as the dry run prints it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_type_is_accepted_by_the_sandbox_byte_for_byte_and_prints_the_accepted_id(string kind, string[] args, string body)
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(
            ["send", .. args, "--to", To, "--base-url", sandbox.BaseAddress.ToString()],
            new Dictionary<string, string> { ["D360_API_KEY"] = sandbox.ApiKey });

        Assert.True(run.ExitCode == 0, $"{kind}: {run}");
        var message = Assert.Single(sandbox.Messages);
        Assert.Equal(message.Id, run.Output.Trim());
        Assert.Equal(kind, message.Type);
        Assert.Equal(body, Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public async Task A_rejection_of_another_type_exits_1()
    {
        await using var api = await ScriptedServer.AnsweringAsync(400, """{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}"""u8.ToArray());

        var run = await CliRun.RunAsync(["send", "text", "--to", To, "--body", "hi", "--base-url", api.BaseAddress.ToString(), "--api-key", "k"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("code 100", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    public static TheoryData<string, string[]> MisplacedOptions => new()
    {
        { "--caption", ["audio", "--id", "1", "--caption", "x"] },
        { "--caption", ["sticker", "--id", "1", "--caption", "x"] },
        { "--filename", ["image", "--id", "1", "--filename", "a.jpg"] },
        { "--body", ["image", "--id", "1", "--body", "x"] },
        { "--id", ["text", "--body", "hi", "--id", "1"] },
        { "--preview-url", ["interactive", "--body", "b", "--button", "a=A", "--preview-url"] },
        { "--name", ["reaction", "--message-id", "wamid.1", "--emoji", "x", "--name", "n"] },
        { "--emoji", ["location", "--latitude", "1", "--longitude", "2", "--emoji", "x"] },
        { "--button", ["contacts", "--name", "n", "--phone", "1", "--button", "a=A"] },
        { "--latitude", ["document", "--id", "1", "--latitude", "1"] },
    };

    [Theory]
    [MemberData(nameof(MisplacedOptions))]
    public async Task An_option_of_another_type_is_a_usage_error_naming_the_option_and_the_type(string option, string[] args)
    {
        var run = await CliRun.RunAsync(["send", .. args, "--to", To, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} does not apply to {args[0]} messages", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_option_of_another_type_without_a_type_says_to_name_one()
    {
        var run = await CliRun.RunAsync(["send", "--to", To, "--body", "hi", "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--body does not apply to video messages", run.Error, StringComparison.Ordinal);
        Assert.Contains("messagegen send text", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The message type is given twice", "send", "text", "--type", "image", "--to", To, "--body", "hi", "--dry-run")]
    [InlineData("Unknown message type 'template'", "send", "template", "--to", To, "--dry-run")]
    [InlineData("Unrecognized command or argument '--frobnicate'", "send", "--to", To, "--id", "1", "--frobnicate")]
    [InlineData("Unknown message type --type 'Texts'", "send", "--type", "Texts", "--to", To, "--dry-run")]
    [InlineData("A text message needs --body TEXT", "send", "text", "--to", To, "--dry-run")]
    [InlineData("An interactive message needs --button ID=TITLE", "send", "interactive", "--to", To, "--body", "b", "--dry-run")]
    [InlineData("A location message needs --longitude DEGREES", "send", "location", "--to", To, "--latitude", "1", "--dry-run")]
    [InlineData("A reaction message needs --emoji EMOJI", "send", "reaction", "--to", To, "--message-id", "wamid.1", "--dry-run")]
    [InlineData("A contacts message needs --phone NUMBER", "send", "contacts", "--to", To, "--name", "Anna", "--dry-run")]
    [InlineData("Give exactly one of --id (uploaded media) and --link (hosted media)", "send", "document", "--to", To, "--dry-run")]
    [InlineData("Give exactly one of --id (uploaded media) and --link (hosted media)", "send", "sticker", "--to", To, "--id", "1", "--link", "https://e.com/s.webp", "--dry-run")]
    [InlineData("Option '--to' is required", "send", "text", "--body", "hi", "--dry-run")]
    [InlineData("--button 'yes' is not ID=TITLE", "send", "interactive", "--to", To, "--body", "b", "--button", "yes", "--dry-run")]
    [InlineData("--latitude '52,52' is not a number of degrees", "send", "location", "--to", To, "--latitude", "52,52", "--longitude", "13", "--dry-run")]
    [InlineData("--longitude 'NaN' is not a number of degrees", "send", "location", "--to", To, "--latitude", "1", "--longitude", "NaN", "--dry-run")]
    [InlineData("--body needs a value", "send", "text", "--to", To, "--body")]
    [InlineData("--caption does not apply with --json", "send", "--json", "message.json", "--caption", "x", "--dry-run")]
    public async Task Bad_usage_exits_2_and_says_why(string expected, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_unknown_type_lists_the_types()
    {
        var run = await CliRun.RunAsync(["send", "poll", "--to", To]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("text, image, video, audio, document, sticker, location, reaction, interactive, contacts", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91", "0", "$.location.latitude")]
    [InlineData("-90.5", "0", "$.location.latitude")]
    [InlineData("0", "180.0001", "$.location.longitude")]
    [InlineData("0", "-181", "$.location.longitude")]
    public async Task Coordinates_out_of_range_are_schema_violations_and_nothing_is_sent(string latitude, string longitude, string path)
    {
        await using var api = await ScriptedServer.AnsweringAsync(200, Encoding.UTF8.GetBytes(Accepted));

        var run = await CliRun.RunAsync(
            ["send", "location", "--to", To, "--latitude", latitude, "--longitude", longitude, "--base-url", api.BaseAddress.ToString(), "--api-key", "k"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Coordinates_are_read_with_the_invariant_culture_whatever_the_machines()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var run = await CliRun.RunAsync(["send", "location", "--to", To, "--latitude", "52.5200", "--longitude", "-13.4050", "--dry-run"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(Head + ""","type":"location","location":{"latitude":52.52,"longitude":-13.405}}""", run.Output.Trim());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task An_empty_emoji_removes_a_reaction_and_is_valid()
    {
        var run = await CliRun.RunAsync(["send", "reaction", "--to", To, "--message-id", "wamid.1", "--emoji", "", "--dry-run"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Head + ""","type":"reaction","reaction":{"message_id":"wamid.1","emoji":""}}""", run.Output.Trim());
    }

    [Fact]
    public async Task Every_violation_is_printed_with_its_path()
    {
        var run = await CliRun.RunAsync(
        [
            "send", "interactive", "--to", "12", "--body", "b", "--header", new string('h', 61),
            "--button", "a=A", "--button", "b=B", "--button", "c=C", "--button", $"d={new string('t', 21)}", "--dry-run",
        ]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("InteractiveMessage is not valid (4 violations)", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.to:", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.interactive.header.text:", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.interactive.action.buttons:", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.interactive.action.buttons[3].reply.title:", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Help_gives_an_example_of_every_type()
    {
        var run = await CliRun.RunAsync(["send", "--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var kind in new[] { "text", "image", "audio", "document", "sticker", "location", "reaction", "interactive", "contacts" })
        {
            Assert.Contains($"messagegen send {kind} --to", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("messagegen send --to +4915112345678 --id", run.Output, StringComparison.Ordinal);
        Assert.Contains("messagegen send --json", run.Output, StringComparison.Ordinal);
        Assert.Contains("--type <KIND>", run.Output, StringComparison.Ordinal);
    }
}
