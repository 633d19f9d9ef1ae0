using System.Net;
using System.Text.Json;
using MessageGen.Webhooks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MessageGen.AspNetCore.Tests;

/// <summary>What the handler gets for each kind of notification, over a real Kestrel endpoint.</summary>
public sealed class WebhookEventTests
{
    [Fact]
    public async Task A_failed_status_arrives_with_the_APIs_error()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Payloads.Get("status-failed-131053"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = Assert.IsType<MessageStatusEvent>(Assert.Single(receiver.Events));
        Assert.Equal("failed", status.Status);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", status.MessageId);
        Assert.Equal("16505551234", status.RecipientId);
        Assert.Equal("106540352242922", status.PhoneNumberId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750263773), status.Timestamp);
        var error = Assert.Single(status.Errors);
        Assert.Equal(131053, error.Code);
        Assert.Equal("Media upload error", error.Title);
        Assert.StartsWith("Unsupported video codec", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statuses_arrive_in_the_order_of_the_notification_and_a_new_status_as_it_is()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Statuses(("wamid.A", "read"), ("wamid.A", "delivered"), ("wamid.B", "deleted")));

        Assert.Equal(
            ["wamid.A read", "wamid.A delivered", "wamid.B deleted"],
            receiver.Events.Cast<MessageStatusEvent>().Select(s => s.MessageId + " " + s.Status));
        Assert.All(receiver.Events.Cast<MessageStatusEvent>(), s => Assert.Empty(s.Errors));
    }

    [Fact]
    public async Task An_inbound_text_has_its_sender_body_and_JSON()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get("inbound-text"));

        var message = Assert.IsType<InboundMessageEvent>(Assert.Single(receiver.Events));
        Assert.Equal("text", message.Type);
        Assert.Equal("Hallo, ist mein Video angekommen? 🎬", message.Text);
        Assert.Equal("16315551181", message.From);
        Assert.Equal("Kerry Fisher", message.ProfileName);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", message.MessageId);
        Assert.Null(message.Media);
        Assert.Equal("Hallo, ist mein Video angekommen? 🎬", JsonDocument.Parse(message.RawJson).RootElement.GetProperty("text").GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("inbound-image", "image", "1003383421387256", "image/jpeg", "Look", null)]
    [InlineData("inbound-video", "video", "1251547239374395", "video/mp4", null, null)]
    [InlineData("inbound-audio", "audio", "1234567890", "audio/ogg; codecs=opus", null, null)]
    [InlineData("inbound-document", "document", "2345678901", "application/pdf", "Invoice", "invoice-2026.pdf")]
    [InlineData("inbound-sticker", "sticker", "3456789012", "image/webp", null, null)]
    public async Task Inbound_media_has_its_id_type_caption_and_file_name(string payload, string type, string id, string mimeType, string? caption, string? filename)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get(payload));

        var message = Assert.IsType<InboundMessageEvent>(Assert.Single(receiver.Events));
        Assert.Equal(type, message.Type);
        Assert.Null(message.Text);
        Assert.Equal(new InboundMedia(id, mimeType, message.Media!.Sha256, caption, filename), message.Media);
        Assert.NotNull(message.Media.Sha256);
    }

    [Theory]
    [InlineData("inbound-new-type", "hologram")]
    [InlineData("inbound-order", "order")]
    [InlineData("inbound-unsupported", "unsupported")]
    public async Task A_kind_of_message_this_version_does_not_know_arrives_with_its_JSON(string payload, string type)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Payloads.Get(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.IsType<InboundMessageEvent>(Assert.Single(receiver.Events));
        Assert.Equal(type, message.Type);
        Assert.IsType<UnknownWebhookMessage>(message.Message);
        Assert.Equal("16315551181", message.From);
        Assert.Equal(type, JsonDocument.Parse(message.RawJson).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Typed_detail_of_the_other_kinds_is_on_the_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get("inbound-location"));
        await receiver.PostAsync(Payloads.Get("inbound-button-reply"));

        var events = receiver.Events.Cast<InboundMessageEvent>().ToArray();
        Assert.Equal(37.483307, Assert.IsType<WebhookLocationMessage>(events[0].Message).Location.Latitude);
        Assert.Equal("yes-please", Assert.IsType<WebhookInteractiveMessage>(events[1].Message).Interactive.ButtonReply!.Id);
    }

    [Fact]
    public async Task Errors_of_the_value_arrive_as_an_error_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get("errors-only"));

        Assert.Equal(131000, Assert.Single(Assert.IsType<WebhookErrorEvent>(Assert.Single(receiver.Events)).Errors).Code);
    }

    [Fact]
    public async Task A_notification_of_another_field_is_answered_200_without_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await receiver.PostAsync(Payloads.Get("template-status-update"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(receiver.Events);
    }

    [Fact]
    public async Task The_counters_count_each_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get("several-statuses"));

        Assert.Equal(3, receiver.Received.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(3, receiver.Handled.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(receiver.Handled.GetMeasurementSnapshot(), m => Assert.Equal("status", m.Tags["messagegen.webhooks.event.kind"]));
    }
}
