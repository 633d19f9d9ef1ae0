using System.Diagnostics;

namespace MessageGen.Outbox;

/// <summary>
/// What the outbox added to accepted messages, as measured by one <see cref="OutboxSender"/>: how much later than its
/// place in the rate limits was due each POST went because "sending" was still being written, plus how long the sender
/// waited to hand the answer to the writer that records answers in batches.
/// </summary>
/// <param name="Count">Messages measured.</param>
/// <param name="Median">The median per message.</param>
/// <param name="P99">The 99th percentile per message.</param>
/// <param name="Max">The slowest.</param>
public sealed record OutboxOverhead(int Count, TimeSpan Median, TimeSpan P99, TimeSpan Max);

/// <summary>
/// Collects per-message overheads and gives their percentiles, those of the first second of each stretch of sending
/// (at the start, and again after a pause of a second or more) apart from the rest, as a benchmark keeps its warm-up
/// apart: connections, processes and caches are cold then, and the rate limit's burst leaves no wait to write in.
/// </summary>
internal sealed class OverheadRecorder
{
    private static readonly TimeSpan StartingPeriod = TimeSpan.FromSeconds(1);
    private readonly Samples _starting = new();
    private readonly Samples _running = new();
    private readonly object _gate = new();
    private long _stretchStartedAt;
    private long _lastAt;

    public OutboxOverhead Starting => Snapshot(_starting);

    public OutboxOverhead Running => Snapshot(_running);

    public void Add(TimeSpan overhead)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_lastAt == 0 || Stopwatch.GetElapsedTime(_lastAt, now) >= StartingPeriod)
            {
                _stretchStartedAt = now;
            }

            _lastAt = now;
            (Stopwatch.GetElapsedTime(_stretchStartedAt, now) < StartingPeriod ? _starting : _running).Add(overhead);
        }
    }

    private OutboxOverhead Snapshot(Samples samples)
    {
        long[] copy;
        lock (_gate)
        {
            copy = samples.Copy();
        }

        return Samples.Percentiles(copy);
    }

    /// <summary>The latest 100,000 samples of one period; the recorder's lock guards them.</summary>
    private sealed class Samples
    {
        private const int Capacity = 100_000;
        private readonly long[] _ticks = new long[Capacity];
        private long _count;

        public void Add(TimeSpan overhead) => _ticks[(int)(_count++ % Capacity)] = overhead.Ticks;

        public long[] Copy() => _ticks[..(int)Math.Min(_count, Capacity)];

        /// <summary>Sorts <paramref name="ticks"/> (a copy) and reads its percentiles.</summary>
        public static OutboxOverhead Percentiles(long[] ticks)
        {
            Array.Sort(ticks);
            return new OutboxOverhead(ticks.Length, At(ticks, 0.5), At(ticks, 0.99), At(ticks, 1));
        }

        private static TimeSpan At(long[] sorted, double quantile) =>
            sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1]);
    }
}
