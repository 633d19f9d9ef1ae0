using System.Text;
using MessageGen.Runtime.Tests.Support;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen send --json FILE</c>: a whole body of any type, checked by its generated type before it is sent.</summary>
public sealed class SendJsonCommandTests : IDisposable
{
    private const string To = "+4915112345678";
    private const string Other = "+4930901820";

    private readonly string _directory = Directory.CreateTempSubdirectory("messagegen-send-json-").FullName;

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in SendMessageTypesCommandTests.Kinds)
        {
            data.Add((string)row[0], (string)row[2]);
        }

        return data;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_valid_body_of_each_type_is_read_by_its_type_and_printed_as_it_will_be_sent(string kind, string body)
    {
        var file = Write($"{kind}.json", body);

        var run = await CliRun.RunAsync(["send", "--json", file, "--dry-run"]);

        Assert.True(run.ExitCode == 0, $"{kind}: {run}");
        Assert.Equal(body, run.Output.Trim());
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task To_replaces_the_recipient_of_the_file(string kind, string body)
    {
        var file = Write($"{kind}.json", body.Replace(To, Other, StringComparison.Ordinal));

        var run = await CliRun.RunAsync(["send", kind, "--json", file, "--to", To, "--dry-run"]);

        Assert.True(run.ExitCode == 0, $"{kind}: {run}");
        Assert.Equal(body, run.Output.Trim());
    }

    [Fact]
    public async Task A_body_without_a_recipient_gets_the_one_of_to_and_members_may_come_in_any_order()
    {
        var file = Write("template.json", """
            {
              "text": { "body": "Hello \u00e9", "preview_url": false },
              "type": "text",
              "recipient_type": "individual",
              "messaging_product": "whatsapp"
            }
            """);

        var run = await CliRun.RunAsync(["send", "--json", file, "--to", To, "--dry-run"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"text","text":{"preview_url":false,"body":"Hello é"}}""",
            run.Output.Trim());
    }

    [Fact]
    public async Task A_dash_reads_the_body_from_standard_input()
    {
        var run = await CliRun.RunAsync(
            ["send", "--json", "-", "--to", To, "--dry-run"],
            standardInput: """{"messaging_product":"whatsapp","recipient_type":"individual","type":"reaction","reaction":{"message_id":"wamid.1","emoji":""}}"""u8.ToArray());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"reaction","reaction":{"message_id":"wamid.1","emoji":""}}""",
            run.Output.Trim());
    }

    [Fact]
    public async Task A_body_is_sent_over_http_as_its_type_writes_it()
    {
        await using var api = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.JSON"}]}"""u8.ToArray());
        var file = Write("location.json", """{"type":"location","to":"+4930901820","location":{"longitude":13.405,"latitude":52.52},"recipient_type":"individual","messaging_product":"whatsapp"}""");

        var run = await CliRun.RunAsync(["send", "--json", file, "--base-url", api.BaseAddress.ToString(), "--api-key", "k"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("wamid.JSON", run.Output.Trim());
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4930901820","type":"location","location":{"latitude":52.52,"longitude":13.405}}""",
            Encoding.UTF8.GetString(Assert.Single(api.Requests).Body));
    }

    [Fact]
    public async Task An_invalid_body_prints_every_violation_with_its_path_exits_2_and_sends_nothing()
    {
        await using var api = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.JSON"}]}"""u8.ToArray());
        var file = Write("image.json", """{"messaging_product":"whatsapp","recipient_type":"individual","to":"12","type":"image","image":{"id":"1","link":"https://e.com/a.png","caption":5},"extra":true}""");

        var run = await CliRun.RunAsync(["send", "--json", file, "--base-url", api.BaseAddress.ToString(), "--api-key", "k"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ImageMessage is not valid", run.Error, StringComparison.Ordinal);
        foreach (var path in new[] { "$.to:", "$.image:", "$.image.caption:", "$.extra:" })
        {
            Assert.Contains(path, run.Error, StringComparison.Ordinal);
        }

        Assert.Empty(run.Output);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_position()
    {
        var file = Write("bad.json", "{\n  \"type\": \"text\",\n  \"text\": {\"body\": \"hi\",}\n}");

        var run = await CliRun.RunAsync(["send", "--json", file, "--to", To, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Malformed JSON in '{file}' at line 3, byte ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Text_that_is_not_unicode_is_malformed_json_too()
    {
        var file = Write("surrogate.json", """{"type":"text","to":"+4915112345678","text":{"body":"\ud800"},"messaging_product":"whatsapp","recipient_type":"individual"}""");

        var run = await CliRun.RunAsync(["send", "--json", file, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Malformed JSON", run.Error, StringComparison.Ordinal);
        Assert.Contains("byte", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"template","template":{"name":"order_shipped"}}""", "holds a message of type 'template', which send does not know")]
    [InlineData("""{"to":"+4915112345678","text":{"body":"hi"}}""", "has no \"type\" member")]
    [InlineData("""{"type":7}""", "has no \"type\" member")]
    [InlineData("""["text"]""", "must hold one JSON object")]
    [InlineData("", "is empty")]
    public async Task A_body_of_no_known_type_exits_2_and_lists_the_types(string json, string expected)
    {
        var file = Write("unknown.json", json);

        var run = await CliRun.RunAsync(["send", "--json", file, "--to", To, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        if (json.Length > 0)
        {
            Assert.Contains("text, image, video, audio, document, sticker, location, reaction, interactive, contacts", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_type_named_on_the_command_line_must_be_the_files()
    {
        var file = Write("text.json", """{"type":"text","text":{"body":"hi"}}""");

        var run = await CliRun.RunAsync(["send", "--type", "image", "--json", file, "--to", To, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The message type given is image, but", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var missing = Path.Combine(_directory, "missing.json");

        var run = await CliRun.RunAsync(["send", "--json", missing, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Cannot read '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_larger_than_any_body_is_not_read_whole()
    {
        var file = Path.Combine(_directory, "huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength(64L * 1024 * 1024);
        }

        var run = await CliRun.RunAsync(["send", "--json", file, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("more than 1 MiB", run.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
