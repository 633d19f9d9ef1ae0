using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;
using static MessageGen.Runtime.Tests.Sandbox.SandboxMessageBodies;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>
/// <c>POST /messages</c> reads each type with the reader generated from its schema, chosen by the body's <c>type</c>, and
/// answers as the API does: 200 with a wamid for a message it takes, 400 with code 100 and the violation's path otherwise.
/// </summary>
public sealed class SandboxMessageTypeTests
{
    private const string SupportedTypes = "text, image, video, audio, document, sticker, location, contacts, interactive, reaction or template";

    public static TheoryData<string, string> ValidMessages => new()
    {
        { "text", Message("text", """{"preview_url":true,"body":"Hello 👋 https://example.com"}""") },
        { "image", Message("image", """{"link":"https://cdn.example.com/photo.jpg","caption":"The shop"}""") },
        { "video", Message("video", """{"id":"1234","caption":"A clip"}""") },
        { "audio", Message("audio", """{"id":"1234"}""") },
        { "document", Message("document", """{"link":"https://cdn.example.com/invoice.pdf","caption":"Invoice","filename":"invoice.pdf"}""") },
        { "sticker", Message("sticker", """{"link":"https://cdn.example.com/sticker.webp"}""") },
        { "location", Message("location", """{"latitude":-90,"longitude":180,"name":"South Pole","address":"Antarctica"}""") },
        { "contacts", Message("contacts", """[{"name":{"formatted_name":"Anna Schmidt","first_name":"Anna"},"phones":[{"phone":"+4915112345678","type":"CELL","wa_id":"4915112345678"}]}]""") },
        { "interactive", Buttons(3, title: new string('t', 20)) },
        { "interactive", Buttons(1, header: """{"type":"image","image":{"link":"https://cdn.example.com/photo.jpg"}}""") },
        { "interactive", List($"[{Section("Morning", 5, "am")},{Section("Afternoon", 5, "pm")}]") },
        { "interactive", List($"[{Section(null, 10)}]") },
        { "interactive", Message("interactive", """{"type":"cta_url","body":{"text":"See the menu"},"action":{"name":"cta_url","parameters":{"display_text":"Menu","url":"https://example.com/menu"}}}""") },
        { "reaction", Message("reaction", """{"message_id":"wamid.HBgLMTU1NTAwMDEyMzQVAgARGBI","emoji":"👍"}""") },
        { "reaction", Message("reaction", """{"message_id":"wamid.HBgLMTU1NTAwMDEyMzQVAgARGBI","emoji":""}""") },
    };

    /// <summary>Each documented limit, broken once: the body and the path the answer must name.</summary>
    public static TheoryData<string, string, string> BrokenLimits => new()
    {
        { "text over 4096 characters", Message("text", $$$"""{"body":"{{{new string('x', 4097)}}}"}"""), "$.text.body" },
        { "caption over 1024 characters", Message("image", $$$"""{"id":"1234","caption":"{{{new string('c', 1025)}}}"}"""), "$.image.caption" },
        { "4 reply buttons", Buttons(4), "$.interactive.action.buttons" },
        { "button title of 21 characters", Buttons(1, title: new string('t', 21)), "$.interactive.action.buttons[0].reply.title" },
        { "latitude 91", Message("location", """{"latitude":91,"longitude":13.4}"""), "$.location.latitude" },
        { "longitude -181", Message("location", """{"latitude":52.5,"longitude":-181}"""), "$.location.longitude" },
        { "11 rows in all across sections", List($"[{Section("Morning", 6, "am")},{Section("Afternoon", 5, "pm")}]"), "$.interactive.action.sections" },
        { "contacts without name.formatted_name", Message("contacts", """[{"name":{"first_name":"Anna"}}]"""), "$.contacts[0].name.formatted_name" },
        { "reaction without message_id", Message("reaction", """{"emoji":"👍"}"""), "$.reaction.message_id" },
        { "image with both id and link", Message("image", """{"id":"1234","link":"https://cdn.example.com/photo.jpg"}"""), "$.image" },
        { "sticker with a caption", Message("sticker", """{"id":"1234","caption":"hi"}"""), "$.sticker.caption" },
    };

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public async Task A_valid_message_of_every_type_gets_200_with_a_wamid_exactly_as_the_api_answers(string type, string body)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var answer = JsonDocument.Parse(text);
        var root = answer.RootElement;
        Assert.Equal(["contacts", "messages", "messaging_product"], root.EnumerateObject().Select(m => m.Name));
        var contact = Assert.Single(root.GetProperty("contacts").EnumerateArray());
        Assert.Equal(["input", "wa_id"], contact.EnumerateObject().Select(m => m.Name));
        Assert.Equal((To, To.TrimStart('+')), (contact.GetProperty("input").GetString(), contact.GetProperty("wa_id").GetString()));
        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal(["id", "message_status"], message.EnumerateObject().Select(m => m.Name));
        Assert.StartsWith("wamid.", message.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("accepted", message.GetProperty("message_status").GetString());
        Assert.Equal("whatsapp", root.GetProperty("messaging_product").GetString());

        var recorded = Assert.Single(sandbox.Messages);
        Assert.Equal((message.GetProperty("id").GetString(), type, To), (recorded.Id, recorded.Type, recorded.To));
    }

    [Theory]
    [MemberData(nameof(BrokenLimits))]
    public async Task A_message_over_a_documented_limit_gets_400_with_code_100_naming_the_path(string limit, string body, string path)
    {
        var details = await PostRejectedAsync(body);

        Assert.True(details.Contains(path + ":", StringComparison.Ordinal), $"{limit}: {details}");
    }

    [Fact]
    public async Task A_list_with_11_rows_in_all_is_rejected_naming_the_limit()
    {
        var details = await PostRejectedAsync(List($"[{Section("Morning", 6, "am")},{Section("Afternoon", 5, "pm")}]"));

        Assert.Contains("$.interactive.action.sections: The sections have 11 rows in all; the maximum is 10", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_two_sections_without_titles_is_rejected_naming_each_section()
    {
        var details = await PostRejectedAsync(List($"[{Section(null, 2, "am")},{Section(null, 2, "pm")}]"));

        Assert.Contains("$.interactive.action.sections[0].title: Required member 'title' is missing", details, StringComparison.Ordinal);
        Assert.Contains("$.interactive.action.sections[1].title: Required member 'title' is missing", details, StringComparison.Ordinal);
        Assert.Contains("several sections (2 here)", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_two_sections_of_which_one_has_no_title_is_rejected()
    {
        var details = await PostRejectedAsync(List($"[{Section("Morning", 2, "am")},{Section(null, 2, "pm")}]"));

        Assert.Contains("$.interactive.action.sections[1].title:", details, StringComparison.Ordinal);
        Assert.DoesNotContain("sections[0]", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_type_gets_400_with_code_100_naming_the_supported_types()
    {
        var details = await PostRejectedAsync(Message("hologram", """{"id":"1234"}"""));

        Assert.StartsWith("$.type: 'hologram' is not a message type", details, StringComparison.Ordinal);
        Assert.Contains(SupportedTypes, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_type_gets_400_with_code_100_naming_the_supported_types()
    {
        var details = await PostRejectedAsync("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","text":{"body":"hi"}}""");

        Assert.StartsWith("$.type: Required member 'type' is missing", details, StringComparison.Ordinal);
        Assert.Contains(SupportedTypes, details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("""["text"]""")]
    public async Task A_type_that_is_not_a_string_gets_400_naming_the_supported_types(string type)
    {
        var details = await PostRejectedAsync($$$"""{"messaging_product":"whatsapp","to":"+4915112345678","type":{{{type}}},"text":{"body":"hi"}}""");

        Assert.StartsWith("$.type: 'type' must be a string", details, StringComparison.Ordinal);
        Assert.Contains(SupportedTypes, details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task A_body_that_is_not_an_object_gets_400(string body)
    {
        var details = await PostRejectedAsync(body);

        Assert.StartsWith("$: The message must be a JSON object", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_type_of_a_megabyte_gets_a_short_answer()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(Message(new string('h', 1_000_000), "{}")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.InRange(response.Content.Headers.ContentLength ?? long.MaxValue, 1, 2 * 1024);
    }

    [Fact]
    public async Task The_type_is_read_wherever_it_is_in_the_body_and_the_rest_by_that_types_reader()
    {
        var details = await PostRejectedAsync("""{"text":{"body":""},"to":"+4915112345678","messaging_product":"whatsapp","recipient_type":"individual","type":"text"}""");

        Assert.StartsWith("$.text.body:", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_one_type_with_the_member_of_another_is_refused_by_its_types_reader()
    {
        var details = await PostRejectedAsync("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"image","video":{"id":"1234"}}""");

        Assert.Contains("$.video:", details, StringComparison.Ordinal);
        Assert.Contains("$.image:", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image", """{"link":"ftp://cdn.example.com/photo.jpg"}""", "$.image.link")]
    [InlineData("audio", """{"link":"file:///etc/passwd"}""", "$.audio.link")]
    [InlineData("document", """{"link":"data:application/pdf;base64,AAAA"}""", "$.document.link")]
    [InlineData("sticker", """{"link":"javascript:alert(1)"}""", "$.sticker.link")]
    public async Task A_media_link_that_is_not_http_or_https_gets_400(string type, string media, string path)
    {
        var details = await PostRejectedAsync(Message(type, media));

        Assert.StartsWith(path + ": 'link' must be an http or https URL", details, StringComparison.Ordinal);
        Assert.Contains($"the API fetches the {type} from it", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interactive_headers_media_link_that_is_not_http_or_https_gets_400()
    {
        var details = await PostRejectedAsync(Buttons(1, header: """{"type":"document","document":{"link":"ftp://cdn.example.com/a.pdf"}}"""));

        Assert.StartsWith("$.interactive.header.document.link: 'link' must be an http or https URL", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_messages_are_listed_with_their_type()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        var bodies = new[]
        {
            Message("text", """{"body":"hi"}"""),
            Message("location", """{"latitude":52.52,"longitude":13.405}"""),
            Buttons(2),
        };
        foreach (var body in bodies)
        {
            using var sent = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "sandbox/messages")));

        var listed = list.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["text", "location", "interactive"], listed.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(sandbox.Messages.Select(m => m.Id), listed.Select(m => m.GetProperty("id").GetString()));
        Assert.All(listed, m => Assert.Equal(["id", "to", "type", "received_at", "body"], m.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(bodies, listed.Select(m => m.GetProperty("body").GetRawText()));
    }

    /// <summary>Posts <paramref name="body"/>, checks the 400 in the Graph shape with code 100 and that nothing was taken, and returns the details.</summary>
    private static async Task<string> PostRejectedAsync(string body)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text[..Math.Min(text.Length, 500)]);
        Assert.InRange(text.Length, 1, 8 * 1024);
        using var answer = JsonDocument.Parse(text);
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(100, error.GetProperty("code").GetInt32());
        Assert.Equal("(#100) Invalid parameter", error.GetProperty("message").GetString());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        Assert.Empty(sandbox.Messages);
        return error.GetProperty("error_data").GetProperty("details").GetString() ?? "";
    }
}
