using System.Diagnostics;

namespace MessageGen.Outbox;

/// <summary>
/// What the outbox adds to each accepted message: the time of its two writes ("sending" before the POST, the answer after),
/// as measured by one <see cref="OutboxSender"/>.
/// </summary>
/// <param name="Count">Messages measured.</param>
/// <param name="Median">The median per message.</param>
/// <param name="P99">The 99th percentile per message.</param>
/// <param name="Max">The slowest.</param>
public sealed record OutboxOverhead(int Count, TimeSpan Median, TimeSpan P99, TimeSpan Max);

/// <summary>Collects per-message overheads (the latest 100,000) and gives their percentiles.</summary>
internal sealed class OverheadRecorder
{
    private const int Capacity = 100_000;
    private readonly long[] _ticks = new long[Capacity];
    private long _count;

    public void Add(long stopwatchTicks)
    {
        lock (_ticks)
        {
            _ticks[(int)(_count++ % Capacity)] = stopwatchTicks;
        }
    }

    public OutboxOverhead Snapshot()
    {
        long[] sorted;
        lock (_ticks)
        {
            sorted = _ticks[..(int)Math.Min(_count, Capacity)];
        }

        Array.Sort(sorted);
        return new OutboxOverhead(sorted.Length, At(sorted, 0.5), At(sorted, 0.99), sorted.Length == 0 ? TimeSpan.Zero : Time(sorted[^1]));
    }

    private static TimeSpan At(long[] sorted, double quantile) =>
        sorted.Length == 0 ? TimeSpan.Zero : Time(sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1]);

    private static TimeSpan Time(long stopwatchTicks) => TimeSpan.FromSeconds(stopwatchTicks / (double)Stopwatch.Frequency);
}
