namespace MessageGen.Webhooks;

/// <summary>
/// One thing the WhatsApp API tells a webhook: a status of a sent message (<see cref="MessageStatusEvent"/>), an inbound
/// message (<see cref="InboundMessageEvent"/>) or an error (<see cref="WebhookErrorEvent"/>).
/// </summary>
public abstract class WhatsAppEvent
{
    private protected WhatsAppEvent(string phoneNumberId, DateTimeOffset timestamp)
    {
        PhoneNumberId = phoneNumberId;
        Timestamp = timestamp;
    }

    /// <summary>The id of the business phone number the event is about.</summary>
    public string PhoneNumberId { get; }

    /// <summary>When it happened, as the API says (the time it was received when the API gives none).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>What identifies the event among redeliveries; null when nothing does.</summary>
    internal abstract string? DeduplicationKey { get; }
}
