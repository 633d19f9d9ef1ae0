namespace MessageGen.Outbox;

/// <summary>How an <see cref="OutboxSender"/> drains the outbox.</summary>
public sealed class OutboxSenderOptions
{
    /// <summary>
    /// This worker's id in the outbox's leases: unique per process (machine name, process id and a random part by default).
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Only messages whose idempotency key starts with this are sent (and waited for by <c>DrainAsync</c>); all when null.
    /// <c>messagegen campaign run</c> sets it to its campaign, so that campaigns sharing a store do not send each other's rows.
    /// </summary>
    public string? KeyPrefix { get; set; }

    /// <summary>How many messages one worker sends at once (default 8). The client's rate limiter paces them.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How many pending messages a worker claims at a time (default 16); claimed ones wait under its lease.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// How long a worker holds what it claimed without renewing (default 30 s; renewed every third of it). A row found
    /// "sending" after its lease ended becomes "unknown"; a claimed but unsent one goes to another worker.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long before a message's place in the rate limits is due its "sending" is written (default 20 ms), so that the
    /// write is done when the message may go rather than delaying it. A worker that dies in that time leaves the message
    /// "unknown" though it was not sent; zero writes only when the place is due.
    /// </summary>
    public TimeSpan RecordSendingAhead { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long an idle worker waits before looking for new messages (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a message the API did not take (a transient error after the client's own retries) is tried (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long such a message waits before its next try (default 30 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkerId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WorkerId.Length, 200, nameof(WorkerId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Concurrency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RecordSendingAhead, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero);
    }
}
