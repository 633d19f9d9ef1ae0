namespace MessageGen.Sandbox;

/// <summary>
/// Which statuses an accepted message gets, in order: <c>sent</c>, <c>delivered</c>, <c>read</c>, unless a test recipient
/// or a media file that breaks its kind's rules makes it fail, as on the API (which has accepted it already).
/// </summary>
internal static class SandboxStatusPlan
{
    /// <summary>A <c>to</c> ending in this fails with 131026, Message undeliverable.</summary>
    public const string UndeliverableRecipientSuffix = "0131026";

    /// <summary>A <c>to</c> ending in this fails with 131047, Re-engagement message.</summary>
    public const string ReEngagementRecipientSuffix = "0131047";

    public static async Task<PlannedStatus[]> ForAsync(SandboxSentMessage message, SandboxMediaCheck media, CancellationToken cancellationToken)
    {
        // Outside the customer-service window the API does not send the message at all: no 'sent' comes first.
        if (message.To.EndsWith(ReEngagementRecipientSuffix, StringComparison.Ordinal))
        {
            return [PlannedStatus.Failed(
                WhatsAppErrorCodes.ReEngagementWindow,
                "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")];
        }

        // An undeliverable message has left the business number: 'sent' comes first, then the failure.
        if (message.To.EndsWith(UndeliverableRecipientSuffix, StringComparison.Ordinal))
        {
            return [PlannedStatus.Sent, PlannedStatus.Failed(WhatsAppErrorCodes.Undeliverable, "Message undeliverable", "Message Undeliverable.")];
        }

        if (message.Media is { } file && await media.FindProblemAsync(file, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return [PlannedStatus.Sent, PlannedStatus.Failed(WhatsAppErrorCodes.MediaUploadError, "Media upload error", problem)];
        }

        return [PlannedStatus.Sent, PlannedStatus.Delivered, PlannedStatus.Read];
    }
}
