using System.Net;
using System.Text;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>Whatever a client with the key sends, the sandbox answers in the API's shapes, small, and never 500.</summary>
public sealed class SandboxBadInputTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task A_body_that_is_not_utf8_gets_400_in_the_graph_shape(byte[] badBytes)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(SandboxKeyCheckTests.WithRecipientBytes(badBytes)));

        await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_gets_400_in_the_graph_shape()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(SandboxKeyCheckTests.LoneSurrogateBody));

        await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
    }

    [Fact]
    public async Task A_fault_for_a_recipient_does_not_break_on_a_body_that_cannot_be_decoded()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503).ForRecipient("+15550001234"));

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(SandboxKeyCheckTests.LoneSurrogateBody));

        await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.Equal(1, sandbox.Faults.Pending);
    }

    [Fact]
    public async Task Thousands_of_unknown_members_get_a_short_answer_that_counts_the_rest()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        var body = new StringBuilder("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"video","video":{"id":"1"}""");
        for (var i = 0; i < 20_000; i++)
        {
            body.Append(",\"unknown").Append(i).Append("\":0");
        }

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body.Append('}').ToString()));

        var details = await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.InRange(response.Content.Headers.ContentLength ?? long.MaxValue, 1, 8 * 1024);
        Assert.Contains("$.unknown0", details, StringComparison.Ordinal);
        Assert.EndsWith("; and 19990 more", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_member_with_a_huge_name_gets_a_short_answer()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        var body = $$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"video","video":{"id":"1"},"{{new string('x', 1_000_000)}}":0}""";

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));

        await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.InRange(response.Content.Headers.ContentLength ?? long.MaxValue, 1, 8 * 1024);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_message_that_is_not_sent_as_json_gets_400_naming_the_content_type(string? contentType)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var content = new ByteArrayContent(ValidMessage("+15550001234", 4));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), content);

        var details = await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.Contains("application/json", details, StringComparison.Ordinal);
        Assert.Empty(sandbox.Messages);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    public async Task Json_with_or_without_the_utf8_charset_is_accepted(string contentType)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var content = new ByteArrayContent(ValidMessage("+15550001234", 4));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:video/mp4;base64,AAAA")]
    [InlineData("ftp://example.com/clip.mp4")]
    public async Task A_link_that_is_not_http_or_https_gets_400(string link)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(VideoByLink(link)));

        var details = await AssertGraphErrorAsync(response, HttpStatusCode.BadRequest, 100);
        Assert.Contains("$.video.link", details, StringComparison.Ordinal);
        Assert.Contains("https", details, StringComparison.Ordinal);
        Assert.Empty(sandbox.Messages);
    }

    [Theory]
    [InlineData("https://cdn.example.com/clip.mp4")]
    [InlineData("http://cdn.example.com/clip.mp4")]
    public async Task An_http_or_https_link_is_accepted(string link)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(VideoByLink(link)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_in_the_graph_shape()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MaxMediaBytes = 1000 });
        using var http = Authorized(sandbox);

        // Expect: 100-continue, as HTTP clients send large bodies: the server answers 413 before any of the body is sent,
        // so the test never races the server closing the connection on a body it will not read (a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseAddress, "messages")) { Content = Json(ValidMessage("+15550001234", 2_000_000)) };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);

        await AssertGraphErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, 100);
        Assert.Equal(413, Assert.Single(sandbox.Requests).StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_gets_404_in_the_graph_shape()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, "v1/nothing-here"));

        await AssertGraphErrorAsync(response, HttpStatusCode.NotFound, 2500);
    }

    [Fact]
    public async Task A_wrong_method_gets_405_in_the_graph_shape()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, "messages"));

        await AssertGraphErrorAsync(response, HttpStatusCode.MethodNotAllowed, 100);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    /// <summary>Checks the Graph error shape and returns its <c>details</c>.</summary>
    private static string VideoByLink(string link) =>
        $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"video","video":{"link":"{{{link}}}"}}""";

    private static async Task<string> AssertGraphErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var answer = JsonDocument.Parse(text);
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        return error.GetProperty("error_data").GetProperty("details").GetString() ?? "";
    }
}
