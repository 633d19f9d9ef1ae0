using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using MessageGen.Webhooks;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary><c>POST /sandbox/inbound</c>: a user's message, delivered to the receiver as the API delivers one.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxInboundTests
{
    [Fact]
    public async Task A_text_message_reaches_the_receiver_as_an_InboundMessageEvent_with_the_id_the_sandbox_answered()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        using var response = await both.PostAsync("sandbox/inbound", """{"from":"4915112345678","type":"text","text":{"body":"hi"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = answer.RootElement.GetProperty("id").GetString()!;
        Assert.StartsWith("wamid.", id, StringComparison.Ordinal);
        var inbound = Assert.IsType<InboundMessageEvent>(Assert.Single(await both.Receiver.NextEventsAsync(1)));
        Assert.Equal((id, "4915112345678", "text", "hi"), (inbound.MessageId, inbound.From, inbound.Type, inbound.Text));
        Assert.Equal("Sandbox User", inbound.ProfileName);
        Assert.Equal(SandboxBusinessNumber.PhoneNumberId, inbound.PhoneNumberId);
        Assert.InRange(inbound.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.All(both.Receiver.DeliveryHeaders, names => Assert.Contains(WebhookReceiverApp.HeaderName, names, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_body_may_name_the_sender_and_give_the_id_and_any_kind_of_message()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        using var image = await both.PostAsync(
            "sandbox/inbound",
            """{"from":"4915112345678","id":"wamid.given","type":"image","image":{"id":"987","mime_type":"image/jpeg","sha256":"abc","caption":"Look"},"profile":{"name":"Anna"}}""");
        using var hologram = await both.PostAsync("sandbox/inbound", """{"from":"4915112345678","type":"hologram","hologram":{"depth":3}}""");

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hologram.StatusCode);
        var events = (await both.Receiver.NextEventsAsync(2)).Cast<InboundMessageEvent>().OrderBy(e => e.Type, StringComparer.Ordinal).ToArray();
        Assert.Equal(("hologram", "Sandbox User"), (events[0].Type, events[0].ProfileName));
        Assert.Contains("\"depth\":3", events[0].RawJson, StringComparison.Ordinal);
        Assert.IsType<UnknownWebhookMessage>(events[0].Message);
        Assert.Equal(("wamid.given", "Anna", "Look"), (events[1].MessageId, events[1].ProfileName, events[1].Media!.Caption));
        Assert.DoesNotContain("profile", events[1].RawJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"from":"4915112345678","type":"text","text":{}}""", "$.text")]
    [InlineData("""{"from":"4915112345678","type":"text"}""", "text")]
    [InlineData("""{"from":"4915112345678","type":"location","location":{"latitude":"north"}}""", "$.location")]
    [InlineData("""{"type":"text","text":{"body":"hi"}}""", "$.from")]
    [InlineData("""{"from":"4915112345678","text":{"body":"hi"}}""", "$.type")]
    [InlineData("""{"from":"4915112345678","type":"text","text":{"body":"hi"},"id":7}""", "$.id")]
    [InlineData("""{"from":"4915112345678","type":"text","text":{"body":"hi"},"profile":"Anna"}""", "$.profile")]
    [InlineData("""{"from":"4915112345678","type":"text","text":{"body":"hi"},"profile":{"name":"\ud800"}}""", "Malformed JSON")]
    [InlineData("""["text"]""", "message object")]
    [InlineData("""{"from":""", "Malformed JSON")]
    public async Task A_message_the_generated_reader_refuses_is_400_with_the_reasons_and_is_not_delivered(string body, string reason)
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        using var response = await both.PostAsync("sandbox/inbound", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, answer.RootElement.GetProperty("error").GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Empty(both.Sandbox.WebhookAttempts);
    }

    [Fact]
    public async Task Without_a_webhook_an_inbound_message_is_400_saying_to_configure_one()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "sandbox/inbound"), Json("""{"from":"4915112345678","type":"text","text":{"body":"hi"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("POST /v1/configs/webhook", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_fault_is_left_for_the_API_routes()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        both.Sandbox.Faults.Enqueue(SandboxFault.ServerError());

        using var inbound = await both.PostAsync("sandbox/inbound", """{"from":"4915112345678","type":"text","text":{"body":"hi"}}""");

        Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        Assert.Equal(1, both.Sandbox.Faults.Pending);
    }
}
