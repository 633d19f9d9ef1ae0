using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>The sandbox over raw HTTP: it must answer as the API does whatever client calls it.</summary>
public sealed class SandboxServerTests
{
    private const string ValidBody = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"video","video":{"id":"1234"}}""";

    [Fact]
    public async Task Listens_on_loopback_on_an_ephemeral_port()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        Assert.Equal("127.0.0.1", sandbox.BaseAddress.Host);
        Assert.NotEqual(0, sandbox.BaseAddress.Port);
    }

    [Fact]
    public async Task A_request_without_the_key_gets_401_in_the_legacy_shape()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidBody));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, body.RootElement.GetProperty("meta").GetProperty("httpCode").GetInt32());
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task A_message_breaking_the_schema_gets_400_in_the_graph_shape_naming_every_problem()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        var body = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"abc","type":"video","video":{"id":"1","link":"https://x.example/a.mp4"}}""";

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(100, error.GetProperty("code").GetInt32());
        var details = error.GetProperty("error_data").GetProperty("details").GetString();
        Assert.Contains("$.to", details, StringComparison.Ordinal);
        Assert.Contains("$.video", details, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task Malformed_json_gets_400()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json("""{"to": """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Malformed JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_messages_are_listed_with_their_bodies()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var sent = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidBody));
        using var sentAnswer = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        var id = sentAnswer.RootElement.GetProperty("messages")[0].GetProperty("id").GetString();

        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "sandbox/messages")));

        var listed = Assert.Single(list.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("+15550001234", listed.GetProperty("to").GetString());
        Assert.Equal(ValidBody, listed.GetProperty("body").GetRawText());
    }

    [Fact]
    public async Task A_media_upload_without_messaging_product_is_refused_with_the_media_code()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[10]);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", "a.mp4");

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "media"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("131053", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Media);
    }

    [Fact]
    public async Task Faults_play_once_in_order_and_only_for_their_recipient()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(502).ForRecipient("+19999999999"));
        sandbox.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(2)));

        using var first = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidBody));
        using var second = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidBody));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, sandbox.Faults.Pending);
    }
}
