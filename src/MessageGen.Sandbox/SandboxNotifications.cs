using System.Buffers;
using System.Globalization;
using MessageGen.Webhooks;

namespace MessageGen.Sandbox;

/// <summary>
/// The webhook notifications the sandbox delivers, in the Cloud API's shape, written by the types MessageGen generates
/// from schema/webhook-notification.schema.json: the same types <c>MessageGen.AspNetCore</c> reads them with.
/// </summary>
internal static class SandboxNotifications
{
    /// <summary>How long a conversation lasts: the 24-hour customer-service window.</summary>
    private static readonly TimeSpan ConversationLength = TimeSpan.FromHours(24);

    /// <summary>A notification with one status of a sent message; <c>sent</c> and <c>delivered</c> carry conversation and pricing, as on the API.</summary>
    public static byte[] Status(string messageId, string recipientId, PlannedStatus planned, string conversationId)
    {
        var now = DateTimeOffset.UtcNow;
        var status = WebhookStatus.Builder()
            .WithId(messageId)
            .WithStatus(planned.Status)
            .WithTimestamp(UnixSeconds(now))
            .WithRecipientId(recipientId);
        if (planned.Status is PlannedStatus.SentStatus or PlannedStatus.DeliveredStatus)
        {
            status
                .WithConversation(c => c.WithId(conversationId).WithExpirationTimestamp(UnixSeconds(now + ConversationLength)).WithOrigin(o => o.WithType("service")))
                .WithPricing(p => p.WithBillable(true).WithPricingModel("PMP").WithCategory("service"));
        }

        if (planned.Error is { } error)
        {
            status.WithErrors([error]);
        }

        return Notification(value => value.WithStatuses([status.Build()]));
    }

    /// <summary>A notification with one inbound message and its sender.</summary>
    public static byte[] Inbound(WebhookMessage message, WebhookContact sender) => Notification(value => value
        .WithContacts([sender])
        .WithMessages([message]));

    /// <summary>Unix seconds as a string, as the API writes timestamps.</summary>
    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static byte[] Notification(Func<WebhookValueBuilder, WebhookValueBuilder> value)
    {
        var notification = WebhookNotification.Builder()
            .WithObject("whatsapp_business_account")
            .WithEntry([
                WebhookEntry.Builder()
                    .WithId(SandboxBusinessNumber.BusinessAccountId)
                    .WithChanges([
                        WebhookChange.Builder()
                            .WithField("messages")
                            .WithValue(v => value(v
                                .WithMessagingProduct("whatsapp")
                                .WithMetadata(m => m.WithDisplayPhoneNumber(SandboxBusinessNumber.DisplayPhoneNumber).WithPhoneNumberId(SandboxBusinessNumber.PhoneNumberId))))
                            .Build(),
                    ])
                    .Build(),
            ])
            .Build();
        var buffer = new ArrayBufferWriter<byte>(512);
        notification.WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
