namespace MessageGen.Outbox;

/// <summary>Where a message in the outbox stands.</summary>
public enum OutboxState
{
    /// <summary>Enqueued; no worker has tried to send it yet (or the API did not take it and it waits for another try).</summary>
    Pending,

    /// <summary>A worker is sending it: written before the <c>POST</c>, so a crash leaves it here, never "pending".</summary>
    Sending,

    /// <summary>The API took it and gave its message id (<c>wamid</c>).</summary>
    Accepted,

    /// <summary>A status webhook said it reached the phone.</summary>
    Delivered,

    /// <summary>A status webhook said the recipient read it.</summary>
    Read,

    /// <summary>The API refused it, or a status webhook said it failed; <see cref="OutboxEntry.ErrorCode"/> has the API's code.</summary>
    Failed,

    /// <summary>
    /// It may or may not have been sent (no answer, or its worker died while sending). Never resent automatically: check
    /// with the recipient or resend by hand under a new key.
    /// </summary>
    Unknown,
}

/// <summary>The states as stored and printed: lower-case names (<c>accepted</c>).</summary>
internal static class OutboxStateNames
{
    private static readonly OutboxState[] All = Enum.GetValues<OutboxState>();

    public static string Of(OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Sending => "sending",
        OutboxState.Accepted => "accepted",
        OutboxState.Delivered => "delivered",
        OutboxState.Read => "read",
        OutboxState.Failed => "failed",
        OutboxState.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static OutboxState Parse(string name)
    {
        foreach (var state in All)
        {
            if (Of(state) == name)
            {
                return state;
            }
        }

        throw new InvalidDataException($"The outbox holds a row in state '{name}', which this version of MessageGen.Outbox does not know.");
    }

    /// <summary>The state a status webhook moves a row to; null for statuses that change nothing (<c>sent</c>, new ones).</summary>
    public static OutboxState? OfWebhookStatus(string status) => status switch
    {
        "delivered" => OutboxState.Delivered,
        "read" => OutboxState.Read,
        "failed" => OutboxState.Failed,
        _ => null,
    };
}
