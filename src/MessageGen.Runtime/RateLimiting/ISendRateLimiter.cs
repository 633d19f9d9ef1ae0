namespace MessageGen;

/// <summary>
/// Holds the API's sending limits before each <c>POST /messages</c>: the per-number throughput limit (80 messages/s by
/// default, code 130429 above it) and the per-recipient pair limit (about one message per 6 s to the same recipient,
/// bursts borrowing ahead, code 131056 above it).
/// </summary>
/// <remarks>
/// Set one on <see cref="WhatsAppClientOptions.RateLimiter"/>: <see cref="InProcessSendRateLimiter"/> holds the limits
/// within one process; the MessageGen.Redis package (<c>AddRedisRateLimits</c>) holds them across every process that shares
/// a Redis. Implementations must be thread-safe.
/// </remarks>
public interface ISendRateLimiter
{
    /// <summary>
    /// Waits until one more message may be sent from <paramref name="scope"/> to <paramref name="recipient"/>, and takes
    /// that message's place in both limits. Returns only when the message may be sent; never lets a message past a limit.
    /// </summary>
    /// <param name="scope">
    /// An opaque, stable id of the sender number. The client passes a hash of its API key, never the key itself.
    /// </param>
    /// <param name="recipient">The message's <c>to</c>.</param>
    /// <param name="cancellationToken">Stops waiting; nothing is taken from the limits then.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the place of one more message from <paramref name="scope"/> to <paramref name="recipient"/> in both limits,
    /// as <see cref="WaitAsync"/> does, but returns as soon as the place is taken: with how long until it is due (zero:
    /// now). The caller sends once that time has passed and may do its own work meanwhile (the outbox records "sending"
    /// then). A place not used is lost: fewer sends, never more.
    /// </summary>
    /// <remarks>The default waits with <see cref="WaitAsync"/> and returns zero; the library's limiters reserve at most a second ahead.</remarks>
    /// <param name="scope">An opaque, stable id of the sender number.</param>
    /// <param name="recipient">The message's <c>to</c>.</param>
    /// <param name="cancellationToken">Stops waiting for a place; nothing is taken from the limits then.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    async ValueTask<TimeSpan> ReserveAsync(string scope, string recipient, CancellationToken cancellationToken = default)
    {
        await WaitAsync(scope, recipient, cancellationToken).ConfigureAwait(false);
        return TimeSpan.Zero;
    }
}
