namespace MessageGen.Sandbox;

/// <summary>
/// The API's limits on <c>POST /messages</c>, read from <see cref="SandboxOptions.TimeProvider"/>, on the client's own
/// limit cells (<see cref="SendLimitCells"/>) but refusing rather than waiting:
/// <list type="bullet">
/// <item>Throughput: <see cref="SandboxOptions.MessagesPerSecond"/> messages may go in one instant (one second's worth),
/// then one every 1/N s.</item>
/// <item>Pair: <see cref="SandboxOptions.PairLimitBurst"/> messages to one recipient may go back to back, borrowing ahead;
/// after them, one per <see cref="SandboxOptions.PairLimitPeriod"/>.</item>
/// </list>
/// A message takes its place in both limits or in neither: a refused message costs nothing.
/// </summary>
internal sealed class SandboxRateLimits
{
    private readonly SendLimitCells _cells;

    private SandboxRateLimits(SandboxOptions options)
    {
        var interval = options.MessagesPerSecond is { } perSecond ? Math.Max(1, TimeSpan.TicksPerSecond / perSecond) : 0;
        _cells = options.PairLimit
            ? new SendLimitCells(interval, options.MessagesPerSecond ?? 1, Math.Min(options.PairLimitPeriod.Ticks, long.MaxValue / 4), options.PairLimitBurst, options.TimeProvider)
            : new SendLimitCells(interval, options.MessagesPerSecond ?? 1, 0, 0, options.TimeProvider);
    }

    /// <summary>The limits <paramref name="options"/> turn on; null when none is.</summary>
    public static SandboxRateLimits? For(SandboxOptions options) =>
        options.MessagesPerSecond is null && !options.PairLimit ? null : new SandboxRateLimits(options);

    /// <summary>Takes a place for a message to <paramref name="to"/>; returns the limit that refused it, or null when it may go.</summary>
    // "+4915..." and "4915..." are the same WhatsApp user, as the answer's wa_id shows.
    public SendLimit? TryTake(string to) => _cells.TryTake(string.Empty, to.TrimStart('+'), reserveUpTo: TimeSpan.Zero)?.Limit;
}
