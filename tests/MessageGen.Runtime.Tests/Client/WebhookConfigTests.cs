using System.Text;
using MessageGen.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>SetWebhookAsync and GetWebhookAsync against a real Kestrel server.</summary>
public sealed class WebhookConfigTests
{
    [Fact]
    public async Task The_URL_and_headers_are_posted_as_the_API_expects_and_the_header_value_is_never_logged()
    {
        await using var server = await ScriptedServer.AnsweringAsync(200, Encoding.UTF8.GetBytes("""{"url":"https://receiver.example.com/hook"}"""));
        using var logs = new CapturingLoggerProvider();
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "test-key", BaseAddress = server.BaseAddress }, logs.CreateLogger("client"));

        await client.SetWebhookAsync(new Uri("https://receiver.example.com/hook"), new Dictionary<string, string> { ["X-Secret"] = "very-secret" });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/configs/webhook"), (request.Method, request.Path));
        Assert.Equal("""{"url":"https://receiver.example.com/hook","headers":{"X-Secret":"very-secret"}}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("test-key", request.Headers["D360-API-KEY"]);
        Assert.DoesNotContain("very-secret", logs.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://receiver.example.com/hook")]
    [InlineData("ftp://receiver.example.com/hook")]
    public async Task A_URL_that_is_not_https_is_refused_before_anything_is_sent(string url)
    {
        await using var server = await ScriptedServer.AnsweringAsync(200, "{}"u8.ToArray());
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "test-key", BaseAddress = server.BaseAddress });

        await Assert.ThrowsAsync<ArgumentException>(() => client.SetWebhookAsync(new Uri(url)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_configuration_is_read_back_and_ToString_hides_header_values()
    {
        await using var server = await ScriptedServer.AnsweringAsync(200, Encoding.UTF8.GetBytes("""{"url":"http://127.0.0.1:5000/hook","headers":{"X-Secret":"very-secret"},"other":1}"""));
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "test-key", BaseAddress = server.BaseAddress });

        var configuration = await client.GetWebhookAsync();

        Assert.Equal(new Uri("http://127.0.0.1:5000/hook"), configuration.Url);
        Assert.Equal("very-secret", configuration.Headers["x-secret"]);
        Assert.Equal(("GET", "/v1/configs/webhook"), (Assert.Single(server.Requests).Method, server.Requests.Single().Path));
        Assert.DoesNotContain("very-secret", configuration.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_no_configuration_is_a_transport_error()
    {
        await using var server = await ScriptedServer.AnsweringAsync(200, "[1]"u8.ToArray());
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "test-key", BaseAddress = server.BaseAddress });

        await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.GetWebhookAsync());
    }
}
