namespace MessageGen;

/// <summary>
/// Holds the throughput and pair limits (<see cref="SendRateLimitOptions"/>) within this process, for every client that
/// shares the instance. Each limit is a GCRA (a token bucket kept as one "theoretical arrival time" per key).
/// </summary>
public sealed class InProcessSendRateLimiter : ISendRateLimiter
{
    private readonly long _interval;
    private readonly long _limit;
    private readonly long _pairInterval;
    private readonly long _pairLimit;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, long> _arrivals = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Creates a limiter holding <paramref name="options"/> (copied).</summary>
    /// <param name="options">The limits; the defaults when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public InProcessSendRateLimiter(SendRateLimitOptions? options = null, TimeProvider? timeProvider = null)
    {
        (_interval, _limit, _pairInterval, _pairLimit) = (options ?? new SendRateLimitOptions()).ToGcra();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recipient);
        var numberKey = scope + "\n";
        var pairKey = scope + "\n" + recipient;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = TryAcquire(numberKey, pairKey);
            if (wait <= 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromTicks(wait * 10), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a place in both limits and returns 0, or takes nothing and returns the microseconds to wait.</summary>
    private long TryAcquire(string numberKey, string pairKey)
    {
        var now = _timeProvider.GetUtcNow().Ticks / 10;
        lock (_gate)
        {
            var numberArrival = Math.Max(_arrivals.GetValueOrDefault(numberKey), now) + _interval;
            var wait = numberArrival - _limit - now;
            long pairArrival = 0;
            if (_pairInterval > 0)
            {
                pairArrival = Math.Max(_arrivals.GetValueOrDefault(pairKey), now) + _pairInterval;
                wait = Math.Max(wait, pairArrival - _pairLimit - now);
            }

            if (wait > 0)
            {
                return wait;
            }

            if (_arrivals.Count > 100_000)
            {
                Prune(now);
            }

            _arrivals[numberKey] = numberArrival;
            if (_pairInterval > 0)
            {
                _arrivals[pairKey] = pairArrival;
            }

            return 0;
        }
    }

    /// <summary>Forgets keys whose buckets are full again: they behave exactly as keys never seen.</summary>
    private void Prune(long now)
    {
        foreach (var (key, arrival) in _arrivals)
        {
            if (arrival <= now)
            {
                _arrivals.Remove(key);
            }
        }
    }
}
