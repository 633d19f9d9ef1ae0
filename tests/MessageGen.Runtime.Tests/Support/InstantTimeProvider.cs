using System.Collections.Concurrent;

namespace MessageGen.Runtime.Tests.Support;

/// <summary>
/// A clock standing still at <see cref="Now"/> whose timers fire at once, recording the wait asked for: retry waits
/// can be asserted exactly, and tests never sleep.
/// </summary>
internal sealed class InstantTimeProvider(DateTimeOffset now) : TimeProvider
{
    public InstantTimeProvider()
        : this(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset Now { get; } = now;

    public ConcurrentQueue<TimeSpan> RequestedWaits { get; } = new();

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        RequestedWaits.Enqueue(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
