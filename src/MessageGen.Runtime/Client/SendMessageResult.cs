namespace MessageGen;

/// <summary>The API's answer to an accepted message. Accepted is not delivered: delivery is reported later by webhook.</summary>
/// <param name="MessageId">The message id (<c>wamid.…</c>) that delivery webhooks refer to.</param>
/// <param name="MessageStatus">
/// The pacing status when the API gives one (see <see cref="WhatsAppMessageStatus"/>); other values may appear.
/// </param>
/// <param name="WaId">The recipient's WhatsApp id, when the API gives it.</param>
public sealed record SendMessageResult(string MessageId, string? MessageStatus, string? WaId);

/// <summary>The <c>message_status</c> values the API documents. The list is open: treat other values as "accepted, state unknown".</summary>
public static class WhatsAppMessageStatus
{
    /// <summary>The API took the message for delivery.</summary>
    public const string Accepted = "accepted";

    /// <summary>The message is held while WhatsApp checks the template's quality.</summary>
    public const string HeldForQualityAssessment = "held_for_quality_assessment";

    /// <summary>Sending is paused for the template or number.</summary>
    public const string Paused = "paused";
}
