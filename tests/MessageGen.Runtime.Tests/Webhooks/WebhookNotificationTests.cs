using System.Text.Json;
using MessageGen.Webhooks;

namespace MessageGen.Runtime.Tests.Webhooks;

/// <summary>The webhook types MessageGen generates from schema/webhook-notification.schema.json, on payloads in the API's shapes.</summary>
public sealed class WebhookNotificationTests
{
    public static TheoryData<string> Payloads()
        => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Every_payload_reads_and_writes_back_what_it_read(string name)
    {
        var notification = WebhookNotification.FromJson(Payload(name));

        Assert.Equal("whatsapp_business_account", notification.Object);
        var again = WebhookNotification.FromJson(notification.ToJson());
        Assert.Equal(notification.ToJson(), again.ToJson());
    }

    [Fact]
    public void A_failed_status_carries_the_APIs_code_title_and_details()
    {
        var status = Assert.Single(Value("status-failed-131053").Statuses!);

        Assert.Equal("failed", status.Status);
        Assert.Equal("16505551234", status.RecipientId);
        var error = Assert.Single(status.Errors!);
        Assert.Equal(131053, error.Code);
        Assert.Equal("Media upload error", error.Title);
        Assert.StartsWith("Unsupported video codec", error.ErrorData!.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_the_API_adds_later_and_members_it_adds_are_read_without_error()
    {
        var status = Assert.Single(Value("status-new-status-and-fields").Statuses!);

        Assert.Equal("deleted", status.Status);
        Assert.Equal("order-42", status.BizOpaqueCallbackData);
        Assert.DoesNotContain("new_field", WebhookNotification.FromJson(Payload("status-new-status-and-fields")).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Conversation_and_pricing_are_typed()
    {
        var status = Assert.Single(Value("status-sent").Statuses!);

        Assert.Equal("CONVERSATION_ID", status.Conversation!.Id);
        Assert.Equal("service", status.Conversation.Origin!.Type);
        Assert.True(status.Pricing!.Billable);
        Assert.Equal("PMP", status.Pricing.PricingModel);
    }

    [Fact]
    public void Each_kind_of_inbound_message_is_its_own_type()
    {
        Assert.Equal("Hallo, ist mein Video angekommen? 🎬", Assert.IsType<WebhookTextMessage>(Message("inbound-text")).Text.Body);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", Assert.IsType<WebhookTextMessage>(Message("inbound-text-reply")).Context!.Id);
        Assert.Equal("Look", Assert.IsType<WebhookImageMessage>(Message("inbound-image")).Image.Caption);
        Assert.Equal("video/mp4", Assert.IsType<WebhookVideoMessage>(Message("inbound-video")).Video.MimeType);
        Assert.Equal("audio/ogg; codecs=opus", Assert.IsType<WebhookAudioMessage>(Message("inbound-audio")).Audio.MimeType);
        Assert.Equal("invoice-2026.pdf", Assert.IsType<WebhookDocumentMessage>(Message("inbound-document")).Document.Filename);
        Assert.False(Assert.IsType<WebhookStickerMessage>(Message("inbound-sticker")).Sticker.Animated);
        Assert.Equal(-122.148981, Assert.IsType<WebhookLocationMessage>(Message("inbound-location")).Location.Longitude);
        Assert.Equal("Anna Muster", Assert.Single(Assert.IsType<WebhookContactsMessage>(Message("inbound-contacts")).Contacts).Name!.FormattedName);
        Assert.Equal("yes-please", Assert.IsType<WebhookInteractiveMessage>(Message("inbound-button-reply")).Interactive.ButtonReply!.Id);
        Assert.Equal("10:00 to 12:00", Assert.IsType<WebhookInteractiveMessage>(Message("inbound-list-reply")).Interactive.ListReply!.Description);
        Assert.Equal("STOP", Assert.IsType<WebhookButtonMessage>(Message("inbound-template-button")).Button.Payload);
        Assert.Equal("👍", Assert.IsType<WebhookReactionMessage>(Message("inbound-reaction")).Reaction.Emoji);
        Assert.Equal(string.Empty, Assert.IsType<WebhookReactionMessage>(Message("inbound-reaction-removed")).Reaction.Emoji);
    }

    [Theory]
    [InlineData("inbound-new-type", "hologram")]
    [InlineData("inbound-order", "order")]
    [InlineData("inbound-unsupported", "unsupported")]
    public void A_kind_this_version_does_not_know_is_kept_with_its_JSON(string name, string type)
    {
        var message = Assert.IsType<UnknownWebhookMessage>(Message(name));

        Assert.Equal(type, message.Type);
        using var expected = JsonDocument.Parse(Payload(name));
        var original = expected.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("messages")[0];
        Assert.True(JsonElement.DeepEquals(original, JsonDocument.Parse(message.RawJson).RootElement));
    }

    [Fact]
    public void The_sender_and_the_business_number_are_typed()
    {
        var value = Value("inbound-text");

        Assert.Equal("Kerry Fisher", Assert.Single(value.Contacts!).Profile!.Name);
        Assert.Equal("106540352242922", value.Metadata!.PhoneNumberId);
    }

    [Fact]
    public void Errors_not_tied_to_a_message_and_other_fields_are_read()
    {
        Assert.Equal(131000, Assert.Single(Value("errors-only").Errors!).Code);

        var change = Assert.Single(Assert.Single(WebhookNotification.FromJson(Payload("template-status-update")).Entry).Changes);
        Assert.Equal("message_template_status_update", change.Field);
    }

    [Fact]
    public void The_writer_writes_the_APIs_shape_member_for_member()
    {
        var notification = WebhookNotification.Builder()
            .WithObject("whatsapp_business_account")
            .WithEntry([
                WebhookEntry.Builder().WithId("WABA").WithChanges([
                    WebhookChange.Builder().WithField("messages").WithValue(v => v
                        .WithMessagingProduct("whatsapp")
                        .WithStatuses([WebhookStatus.Builder().WithId("wamid.A").WithStatus("read").WithTimestamp("1750263775").WithRecipientId("16505551235").Build()]))
                    .Build(),
                ]).Build(),
            ])
            .Build();

        Assert.Equal(
            """{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.A","status":"read","timestamp":"1750263775","recipient_id":"16505551235"}]}}]}]}""",
            notification.ToJson());
    }

    private static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks", name + ".json"));

    private static WebhookValue Value(string name) => Assert.Single(Assert.Single(WebhookNotification.FromJson(Payload(name)).Entry).Changes).Value;

    private static WebhookMessage Message(string name) => Assert.Single(Value(name).Messages!);
}
