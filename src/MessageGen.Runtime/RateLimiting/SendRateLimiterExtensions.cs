namespace MessageGen;

/// <summary>What the library's limiters share on top of <see cref="ISendRateLimiter.ReserveAsync"/>.</summary>
internal static class SendRateLimiterExtensions
{
    /// <summary>Takes a place with <see cref="ISendRateLimiter.ReserveAsync"/> and waits until it is due: their <c>WaitAsync</c>.</summary>
    public static async ValueTask ReserveAndWaitAsync(
        this ISendRateLimiter limiter, string scope, string recipient, TimeProvider time, CancellationToken cancellationToken)
    {
        var due = await limiter.ReserveAsync(scope, recipient, cancellationToken).ConfigureAwait(false);
        if (due > TimeSpan.Zero)
        {
            // A wait cancelled now leaves its place unused: fewer sends, never more.
            await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
