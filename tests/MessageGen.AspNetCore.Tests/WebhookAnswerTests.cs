using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MessageGen.Webhooks;

namespace MessageGen.AspNetCore.Tests;

/// <summary>The endpoint's answers to deliveries that are not authentic, too large or not notifications.</summary>
public sealed class WebhookAnswerTests
{
    private const string SignatureKey = "partner-signing-key";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cr3t-header-valuX")]
    [InlineData("s3cr3t-header-value-and-more")]
    public async Task A_missing_or_wrong_header_is_401_and_nothing_is_handled(string? header)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Payloads.Get("status-read"), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(receiver.Events);
        Assert.DoesNotContain(receiver.Logs.GetSnapshot(), r => r.Message.Contains(WebhookReceiver.HeaderValue, StringComparison.Ordinal) || (header is { Length: > 0 } && r.Message.Contains(header, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_header_is_answered_before_the_body_is_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var socket = new TcpClient();
        await socket.ConnectAsync(receiver.Client.BaseAddress!.Host, receiver.Client.BaseAddress.Port);
        var stream = socket.GetStream();

        // Headers that announce a body that is never sent: only an answer given without reading it can arrive.
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {WebhookReceiver.Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n{WebhookReceiver.HeaderName}: wrong\r\n\r\n"));
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 401", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_signature_key_the_HMAC_of_the_raw_body_is_required()
    {
        await using var receiver = await WebhookReceiver.StartAsync(o => o.SignatureKey = SignatureKey);
        var payload = Payloads.Get("status-read");

        var signed = await receiver.PostAsync(payload, configure: r => r.Headers.Add("x-360dialog-signature", Sign(payload)));
        var prefixed = await receiver.PostAsync(Payloads.Get("status-delivered"), configure: r => r.Headers.Add("x-360dialog-signature", "sha256=" + Sign(Payloads.Get("status-delivered")).ToUpperInvariant()));
        var unsigned = await receiver.PostAsync(payload);
        var wrong = await receiver.PostAsync(payload, configure: r => r.Headers.Add("x-360dialog-signature", Sign(Payloads.Get("status-sent"))));
        var garbage = await receiver.PostAsync(payload, configure: r => r.Headers.Add("x-360dialog-signature", "zz"));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(2, receiver.Events.Count);
        Assert.DoesNotContain(receiver.Logs.GetSnapshot(), r => r.Message.Contains(SignatureKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_signature_alone_can_authenticate()
    {
        await using var receiver = await WebhookReceiver.StartAsync(o => (o.HeaderName, o.HeaderValue, o.SignatureKey) = (null, null, SignatureKey));
        var payload = Payloads.Get("status-read");

        var response = await receiver.PostAsync(payload, header: null, configure: r => r.Headers.Add("x-360dialog-signature", Sign(payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_with_or_without_a_content_length()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var large = Padded(Payloads.Get("status-read"), WhatsAppWebhookOptions.MaxBodySize + 1);

        var declared = await receiver.PostAsync(large);
        var chunked = await receiver.PostAsync(large, configure: r => r.Content = new StreamContent(new MemoryStream(large)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Empty(receiver.Events);
    }

    [Fact]
    public async Task A_body_of_exactly_1_MiB_is_read()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Padded(Payloads.Get("status-read"), WhatsAppWebhookOptions.MaxBodySize));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(receiver.Events);
    }

    [Theory]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}")]
    [InlineData("{\"entry\":[]}")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":[{\"id\":\"x\",\"status\":7}]}}]}]}")]
    public async Task What_is_not_a_WhatsApp_notification_is_400_and_nothing_is_handled(string body)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(receiver.Events);
    }

    private static string Sign(byte[] payload) => Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SignatureKey), payload)).ToLowerInvariant();

    /// <summary>The notification followed by spaces up to <paramref name="size"/> bytes: still valid JSON.</summary>
    private static byte[] Padded(byte[] payload, int size)
    {
        var padded = new byte[size];
        payload.CopyTo(padded, 0);
        padded.AsSpan(payload.Length).Fill((byte)' ');
        return padded;
    }
}
