using System.Net;
using System.Text;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>The key is checked first: a client without it learns nothing and costs nothing.</summary>
public sealed class SandboxKeyCheckTests
{
    [Theory]
    [InlineData("/messages")]
    [InlineData("/media")]
    public async Task A_request_without_the_key_is_refused_before_its_body_is_read(string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var status = await SendHeadWithoutTheWholeBodyAsync(sandbox, "POST", path, "", TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 401", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task A_body_that_is_not_utf8_gets_401_without_the_key(byte[] badBytes)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(WithRecipientBytes(badBytes)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, answer.RootElement.GetProperty("meta").GetProperty("httpCode").GetInt32());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_gets_401_without_the_key()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(LoneSurrogateBody));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_list_of_messages_needs_the_key()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var anonymous = new HttpClient();
        using var authorized = Authorized(sandbox);

        using var refused = await anonymous.GetAsync(new Uri(sandbox.BaseAddress, "sandbox/messages"));
        using var listed = await authorized.GetAsync(new Uri(sandbox.BaseAddress, "sandbox/messages"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(401, answer.RootElement.GetProperty("meta").GetProperty("httpCode").GetInt32());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    internal const string LoneSurrogateBody =
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"\ud800","type":"video","video":{"id":"1"}}""";

    /// <summary>A message whose <c>to</c> holds <paramref name="badBytes"/>: JSON in shape, but not UTF-8 text.</summary>
    internal static byte[] WithRecipientBytes(byte[] badBytes) =>
        [.. Encoding.UTF8.GetBytes("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+1555"), .. badBytes,
         .. Encoding.UTF8.GetBytes("\",\"type\":\"video\",\"video\":{\"id\":\"1\"}}")];
}
