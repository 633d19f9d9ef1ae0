namespace MessageGen;

/// <summary>Which of the API's limits held a message back.</summary>
internal enum SendLimit
{
    /// <summary>The sender number's throughput: the API answers 130429 above it.</summary>
    Throughput,

    /// <summary>The (sender number, recipient) pair limit: the API answers 131056 above it.</summary>
    Pair,
}

/// <summary>
/// The throughput and pair limits as GCRA cells (a token bucket kept as the instant it is full again, per key), in ticks of
/// the provider's monotonic clock, so no rounding lets a message through early and wall-clock jumps change nothing. A
/// message takes its place in both limits or in neither. One core for the client's <see cref="InProcessSendRateLimiter"/>
/// (which waits) and the sandbox (which refuses, as the API does). Thread-safe.
/// </summary>
internal sealed class SendLimitCells
{
    /// <summary>Keys are swept of full cells (which equal cells never seen) once there are this many, and then twice as many as were left.</summary>
    private const int MinSweepCount = 1024;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly long _pairInterval;
    private readonly long _pairTolerance;
    private readonly Dictionary<string, long> _fullAt = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private int _sweepAt = MinSweepCount;

    /// <param name="interval">Ticks between messages of one number after its burst; 0 for no throughput limit.</param>
    /// <param name="burst">Messages of one number that may go back to back.</param>
    /// <param name="pairInterval">Ticks between messages to one recipient after its burst; 0 for no pair limit.</param>
    /// <param name="pairBurst">Messages to one recipient that may go back to back.</param>
    /// <param name="time">The clock.</param>
    public SendLimitCells(long interval, long burst, long pairInterval, long pairBurst, TimeProvider time)
    {
        (_interval, _tolerance) = (interval, Saturated(interval, burst - 1));
        (_pairInterval, _pairTolerance) = (pairInterval, Saturated(pairInterval, pairBurst - 1));
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>
    /// Takes a place for a message in the number's cell (<paramref name="numberKey"/>) and, with a pair limit, the pair's
    /// (<paramref name="pairKey"/>): now (null), or, when the wait is at most <paramref name="reserveUpTo"/>, ahead
    /// (<c>Reserved</c>: the message goes after <c>Wait</c>); else it takes nothing and says which limit held it back and for how long.
    /// </summary>
    public (SendLimit Limit, TimeSpan Wait, bool Reserved)? TryTake(string numberKey, string pairKey, TimeSpan reserveUpTo = default)
    {
        var now = _time.GetElapsedTime(_origin).Ticks;
        lock (_gate)
        {
            var numberFullAt = Math.Max(_fullAt.GetValueOrDefault(numberKey), now);
            var pairFullAt = _pairInterval > 0 ? Math.Max(_fullAt.GetValueOrDefault(pairKey), now) : 0;
            var numberWait = numberFullAt - now - _tolerance;
            var pairWait = _pairInterval > 0 ? pairFullAt - now - _pairTolerance : 0;
            var wait = Math.Max(numberWait, pairWait);
            var limit = numberWait > 0 ? SendLimit.Throughput : SendLimit.Pair;
            if (wait > reserveUpTo.Ticks)
            {
                return (limit, TimeSpan.FromTicks(wait), Reserved: false);
            }

            // The message's place: now, or when both cells have room.
            var at = now + Math.Max(0, wait);
            _fullAt[numberKey] = Math.Max(numberFullAt, at) + _interval;
            if (_pairInterval > 0)
            {
                _fullAt[pairKey] = Math.Max(pairFullAt, at) + _pairInterval;
            }

            SweepIfLarge(now);
            return wait > 0 ? (limit, TimeSpan.FromTicks(wait), Reserved: true) : null;
        }
    }

    /// <summary>Drops cells that are full again once there are many: memory stays bounded by the recipients sent to lately.</summary>
    private void SweepIfLarge(long now)
    {
        if (_fullAt.Count < _sweepAt)
        {
            return;
        }

        foreach (var (key, fullAt) in _fullAt)
        {
            if (fullAt <= now)
            {
                _fullAt.Remove(key);
            }
        }

        _sweepAt = Math.Max(MinSweepCount, _fullAt.Count * 2);
    }

    /// <summary>A product kept below a quarter of the tick range (about 58,000 years), so no period or burst, however long, overflows.</summary>
    private static long Saturated(long interval, long count) => (long)Math.Min(interval * (double)Math.Max(0, count), long.MaxValue / 4);
}
