using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary><c>/v1/configs/webhook</c>: set and read back, loopback only, with the key.</summary>
public sealed class SandboxWebhookConfigTests
{
    [Fact]
    public async Task A_webhook_set_with_POST_is_read_back_with_GET()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var set = await http.PostAsync(
            new Uri(sandbox.BaseAddress, "v1/configs/webhook"), Json("""{"url":"http://127.0.0.1:5555/hook","headers":{"X-Secret":"abc"}}"""));
        using var read = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "v1/configs/webhook")));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.DoesNotContain("abc", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:5555/hook", read.RootElement.GetProperty("url").GetString());
        Assert.Equal("abc", read.RootElement.GetProperty("headers").GetProperty("X-Secret").GetString());
        Assert.Equal(new Uri("http://127.0.0.1:5555/hook"), sandbox.Webhook!.Url);
        Assert.DoesNotContain("abc", sandbox.Webhook.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5555/hook")]
    [InlineData("http://[::1]:5555/hook")]
    [InlineData("https://127.0.0.2/hook")]
    public async Task Loopback_urls_are_taken(string url)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var set = await http.PostAsync(new Uri(sandbox.BaseAddress, "v1/configs/webhook"), Json($$"""{"url":"{{url}}"}"""));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"https://receiver.invalid/hook"}""", "loopback addresses only")]
    [InlineData("""{"url":"http://localhost.invalid/hook"}""", "loopback addresses only")]
    [InlineData("""{"url":"http://10.0.0.1/hook"}""", "loopback addresses only")]
    [InlineData("""{"url":"ftp://127.0.0.1/hook"}""", "absolute http or https URL")]
    [InlineData("""{"url":"/hook"}""", "absolute http or https URL")]
    [InlineData("""{"headers":{}}""", "The body must be")]
    [InlineData("""{"url":"http://127.0.0.1/hook","headers":{"X-Secret":1}}""", "string value")]
    [InlineData("""{"url":"http://127.0.0.1/hook","headers":{"Bad Name":"x"}}""", "cannot be sent")]
    [InlineData("""{"url":"http://127.0.0.1/hook","headers":{"X-Secret":"a\r\nInjected: b"}}""", "cannot be sent")]
    [InlineData("""{"url":"http://127.0.0.1/hook","headers":{"Content-Type":"text/plain"}}""", "cannot be sent")]
    [InlineData("""{"url":""", "Malformed JSON")]
    [InlineData("""{"url":"http://127.0.0.1/hook","headers":{"X-Secret":"\ud800"}}""", "Malformed JSON")]
    public async Task A_config_the_sandbox_cannot_deliver_to_is_400_in_the_APIs_shape_saying_why(string body, string reason)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var set = await http.PostAsync(new Uri(sandbox.BaseAddress, "v1/configs/webhook"), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        using var answer = JsonDocument.Parse(await set.Content.ReadAsStringAsync());
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(100, error.GetProperty("code").GetInt32());
        Assert.Contains(reason, error.GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Null(sandbox.Webhook);
    }

    [Fact]
    public async Task Before_any_config_GET_answers_no_url()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var read = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "v1/configs/webhook")));

        Assert.False(read.RootElement.TryGetProperty("url", out _));
        Assert.Empty(read.RootElement.GetProperty("headers").EnumerateObject());
    }

    [Theory]
    [InlineData("POST", "v1/configs/webhook")]
    [InlineData("GET", "v1/configs/webhook")]
    [InlineData("GET", "sandbox/webhooks")]
    [InlineData("POST", "sandbox/inbound")]
    [InlineData("GET", "123456789")]
    [InlineData("GET", "media-download/?mid=123456789")]
    public async Task Every_new_route_needs_the_key(string method, string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var anonymous = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(sandbox.BaseAddress, path));
        if (method == "POST")
        {
            request.Content = Json("""{"url":"http://127.0.0.1:5555/hook"}""");
        }

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, answer.RootElement.GetProperty("meta").GetProperty("httpCode").GetInt32());
        Assert.Null(sandbox.Webhook);
    }

    [Theory]
    [InlineData("/v1/configs/webhook")]
    [InlineData("/sandbox/inbound")]
    public async Task A_post_without_the_key_is_refused_before_its_body_is_read(string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var status = await SendHeadWithoutTheWholeBodyAsync(sandbox, "POST", path, "", TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 401", status, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_made_in_code_is_checked_the_same_way()
    {
        Assert.Throws<ArgumentException>(() => new SandboxWebhook(new Uri("https://receiver.invalid/hook")));
        Assert.Throws<ArgumentException>(() => new SandboxWebhook(new Uri("http://127.0.0.1/hook"), new Dictionary<string, string> { ["X-Secret"] = "a\nb" }));
        Assert.Equal("http://127.0.0.1/hook (headers: X-Secret)", new SandboxWebhook(new Uri("http://127.0.0.1/hook"), new Dictionary<string, string> { ["X-Secret"] = "s3cret" }).ToString());
    }
}
