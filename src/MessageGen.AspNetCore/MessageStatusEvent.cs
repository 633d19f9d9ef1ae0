namespace MessageGen.Webhooks;

/// <summary>A status of a message you sent: <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, or one the API adds later.</summary>
public sealed class MessageStatusEvent : WhatsAppEvent
{
    internal MessageStatusEvent(string phoneNumberId, DateTimeOffset timestamp, WebhookStatus status, IReadOnlyList<WhatsAppError> errors)
        : base(phoneNumberId, timestamp)
    {
        Source = status;
        Errors = errors;
    }

    /// <summary>The id (wamid) of the message, as <c>SendAsync</c> returned it.</summary>
    public string MessageId => Source.Id;

    /// <summary>The recipient's WhatsApp id.</summary>
    public string? RecipientId => Source.RecipientId;

    /// <summary>The API's own status string: <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, or a new one as it arrives.</summary>
    public string Status => Source.Status;

    /// <summary>Why the message failed (such as 131053, "Media upload error"); empty otherwise.</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; }

    /// <summary>The status as received, with its conversation and pricing.</summary>
    public WebhookStatus Source { get; }

    internal override string DeduplicationKey => "status:" + MessageId + ":" + Status;
}
