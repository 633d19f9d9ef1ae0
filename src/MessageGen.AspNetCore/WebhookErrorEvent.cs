namespace MessageGen.Webhooks;

/// <summary>Errors the API reports that concern no particular message (<c>value.errors</c>).</summary>
public sealed class WebhookErrorEvent : WhatsAppEvent
{
    internal WebhookErrorEvent(string phoneNumberId, DateTimeOffset timestamp, IReadOnlyList<WhatsAppError> errors)
        : base(phoneNumberId, timestamp) => Errors = errors;

    /// <summary>The errors.</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; }

    // Nothing identifies an error among redeliveries, so each delivery is handed on.
    internal override string? DeduplicationKey => null;
}
