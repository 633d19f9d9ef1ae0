namespace MessageGen.Webhooks;

/// <summary>
/// Remembers which events were handled, so that a redelivery is not handed to the handler again. The default keeps them
/// in memory; register your own (over Redis or a database) so that several instances of the receiver share it.
/// </summary>
public interface IWebhookEventStore
{
    /// <summary>
    /// Claims the event <paramref name="key"/> for handling: <see cref="EventClaim.New"/> when nobody has handled or is
    /// handling it (it is then in progress until <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>).
    /// </summary>
    ValueTask<EventClaim> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records that the claimed event was handled.</summary>
    ValueTask CompleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Gives up the claim after the handler failed, so that the redelivery is handled.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IWebhookEventStore.TryClaimAsync"/> found.</summary>
public enum EventClaim
{
    /// <summary>Claimed: handle the event.</summary>
    New,

    /// <summary>Handled before: do not hand it on again.</summary>
    Handled,

    /// <summary>Being handled by another delivery right now: answer so that it is delivered again later.</summary>
    InProgress,
}
