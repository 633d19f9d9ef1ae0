namespace MessageGen.Outbox;

/// <summary>How many messages of the outbox (or of one campaign in it) are in each state.</summary>
public sealed class OutboxTotals
{
    private readonly IReadOnlyDictionary<OutboxState, long> _counts;

    internal OutboxTotals(IReadOnlyDictionary<OutboxState, long> counts) => _counts = counts;

    /// <summary>The number of messages in <paramref name="state"/>.</summary>
    public long this[OutboxState state] => _counts.TryGetValue(state, out var count) ? count : 0;

    /// <summary>All messages.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>Messages a worker still has to send or is sending: pending and sending.</summary>
    public long Unfinished => this[OutboxState.Pending] + this[OutboxState.Sending];

    /// <summary>Messages that ended failed or unknown.</summary>
    public long Unsuccessful => this[OutboxState.Failed] + this[OutboxState.Unknown];
}
