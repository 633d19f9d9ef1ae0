using System.Collections.Concurrent;

namespace MessageGen.Internal;

/// <summary>
/// A per-attempt timeout that also follows the caller's token. Sources are reset and reused (with their timers), so a
/// send costs no new <see cref="CancellationTokenSource"/>, timer or link.
/// </summary>
internal readonly struct TimeoutScope : IDisposable
{
    private const int MaxPooled = 256;
    private static readonly ConcurrentQueue<CancellationTokenSource> s_pool = new();
    private static int s_pooledCount;

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _callerRegistration;

    private TimeoutScope(CancellationTokenSource source, CancellationTokenRegistration callerRegistration)
    {
        _source = source;
        _callerRegistration = callerRegistration;
    }

    /// <summary>Cancelled when the timeout passes or the caller cancels.</summary>
    public CancellationToken Token => _source.Token;

    public static TimeoutScope Start(TimeSpan timeout, CancellationToken callerToken)
    {
        if (s_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref s_pooledCount);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        var registration = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        source.CancelAfter(timeout);
        return new TimeoutScope(source, registration);
    }

    public void Dispose()
    {
        // Unregistering waits for a running callback, so the caller's token cannot cancel the source once it is pooled again.
        _callerRegistration.Dispose();
        if (_source.TryReset())
        {
            if (Interlocked.Increment(ref s_pooledCount) <= MaxPooled)
            {
                s_pool.Enqueue(_source);
                return;
            }

            Interlocked.Decrement(ref s_pooledCount);
        }

        _source.Dispose();
    }
}
