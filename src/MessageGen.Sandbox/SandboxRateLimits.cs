namespace MessageGen.Sandbox;

/// <summary>Which limit refused a message.</summary>
internal enum SandboxLimitHit
{
    /// <summary>The business number's throughput (<see cref="SandboxOptions.MessagesPerSecond"/>): 130429.</summary>
    Throughput,

    /// <summary>The (business number, recipient) pair limit (<see cref="SandboxOptions.PairLimit"/>): 131056.</summary>
    Pair,
}

/// <summary>
/// The API's limits on <c>POST /messages</c>, as token buckets read from <see cref="SandboxOptions.TimeProvider"/>:
/// <list type="bullet">
/// <item>Throughput: a bucket of <see cref="SandboxOptions.MessagesPerSecond"/> tokens (one second's worth) that refills
/// continuously at that rate, so N messages pass in one instant and then one every 1/N s.</item>
/// <item>Pair: one bucket per recipient of <see cref="SandboxOptions.PairLimitBurst"/> tokens that refills one token per
/// <see cref="SandboxOptions.PairLimitPeriod"/>: a burst borrows ahead, and after it the recipient gets one message per period.</item>
/// </list>
/// A message takes a token from both buckets or from neither: a refused message costs nothing. Each bucket is kept as the
/// instant it is full again (the generic cell rate algorithm), in whole ticks, so no rounding lets a message through early.
/// Thread-safe.
/// </summary>
internal sealed class SandboxRateLimits
{
    /// <summary>How many recipients' buckets are kept before full ones (which hold nothing) are swept out.</summary>
    private const int MinSweepCount = 1024;

    /// <summary>The longest interval or borrowing kept: a quarter of the tick range, about 58,000 years.</summary>
    private const long MaxSpan = long.MaxValue / 4;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly object _lock = new();
    private readonly Bucket? _throughput;
    private readonly long _pairInterval;
    private readonly long _pairBorrowable;
    private readonly Dictionary<string, Bucket>? _pairs;
    private int _sweepAt = MinSweepCount;

    private SandboxRateLimits(SandboxOptions options)
    {
        _time = options.TimeProvider;
        _origin = _time.GetTimestamp();
        if (options.MessagesPerSecond is { } perSecond)
        {
            var interval = Math.Max(1, TimeSpan.TicksPerSecond / perSecond);
            _throughput = new Bucket(interval, (perSecond - 1) * interval);
        }

        if (options.PairLimit)
        {
            // Saturated, so that no period or burst, however long, overflows the arithmetic below.
            _pairInterval = Math.Min(options.PairLimitPeriod.Ticks, MaxSpan);
            _pairBorrowable = (long)Math.Min((options.PairLimitBurst - 1) * (double)_pairInterval, MaxSpan);
            _pairs = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        }
    }

    /// <summary>The limits <paramref name="options"/> turn on; null when none is.</summary>
    public static SandboxRateLimits? For(SandboxOptions options) =>
        options.MessagesPerSecond is null && !options.PairLimit ? null : new SandboxRateLimits(options);

    /// <summary>Takes a token for a message to <paramref name="to"/>; returns the limit that refused it, or null when it may go.</summary>
    public SandboxLimitHit? TryTake(string to)
    {
        var now = _time.GetElapsedTime(_origin).Ticks;
        lock (_lock)
        {
            if (_throughput is not null && !_throughput.HasToken(now))
            {
                return SandboxLimitHit.Throughput;
            }

            Bucket? pair = null;
            string? recipient = null;
            if (_pairs is not null)
            {
                // "+4915..." and "4915..." are the same WhatsApp user, as the answer's wa_id shows.
                recipient = to.TrimStart('+');
                if (_pairs.TryGetValue(recipient, out pair) && !pair.HasToken(now))
                {
                    return SandboxLimitHit.Pair;
                }
            }

            _throughput?.Take(now);
            if (_pairs is not null)
            {
                if (pair is null)
                {
                    pair = new Bucket(_pairInterval, _pairBorrowable);
                    _pairs.Add(recipient!, pair);
                    pair.Take(now);
                    SweepIfLarge(now);
                }
                else
                {
                    pair.Take(now);
                }
            }

            return null;
        }
    }

    /// <summary>Drops the buckets that are full again, which a new bucket would equal, once there are many: memory stays bounded by the recipients sent to lately.</summary>
    private void SweepIfLarge(long now)
    {
        if (_pairs!.Count < _sweepAt)
        {
            return;
        }

        foreach (var (recipient, bucket) in _pairs)
        {
            if (bucket.IsFull(now))
            {
                _pairs.Remove(recipient);
            }
        }

        _sweepAt = Math.Max(MinSweepCount, _pairs.Count * 2);
    }

    /// <summary>
    /// A token bucket of capacity <c>borrowable / interval + 1</c> refilled one token per <c>interval</c>, kept as the
    /// instant (in ticks since the limits were made) at which it is full again; a new bucket is full. A message may go
    /// while that instant is at most <c>borrowable</c> ahead.
    /// </summary>
    private sealed class Bucket(long interval, long borrowable)
    {
        private long _fullAt;

        public bool HasToken(long now) => _fullAt - now <= borrowable;

        public bool IsFull(long now) => _fullAt <= now;

        public void Take(long now) => _fullAt = Math.Max(_fullAt, now) + interval;
    }
}
