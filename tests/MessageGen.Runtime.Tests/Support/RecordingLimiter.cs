using System.Collections.Concurrent;

namespace MessageGen.Runtime.Tests.Support;

/// <summary>A rate limiter that lets every message through at once and records each recipient it was asked about.</summary>
internal sealed class RecordingLimiter : ISendRateLimiter
{
    public ConcurrentQueue<string> Recipients { get; } = new();

    public ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default)
    {
        Recipients.Enqueue(recipient);
        return ValueTask.CompletedTask;
    }
}
