namespace MessageGen;

/// <summary>
/// Holds the throughput and pair limits (<see cref="SendRateLimitOptions"/>) within this process, for every client that
/// shares the instance. Each limit is a GCRA (a token bucket kept as the instant it is full again, per key).
/// </summary>
public sealed class InProcessSendRateLimiter : ISendRateLimiter
{
    /// <summary>The longest a message's place is reserved ahead; a longer wait (a recipient's pair limit) is waited out first.</summary>
    private static readonly TimeSpan MaxReservation = TimeSpan.FromSeconds(1);

    private readonly SendLimitCells _cells;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a limiter holding <paramref name="options"/> (copied).</summary>
    /// <param name="options">The limits; the defaults when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public InProcessSendRateLimiter(SendRateLimitOptions? options = null, TimeProvider? timeProvider = null)
    {
        var (interval, limit, pairInterval, pairLimit) = (options ?? new SendRateLimitOptions()).ToGcra();
        _timeProvider = timeProvider ?? TimeProvider.System;
        // ToGcra gives microseconds and tolerances of interval × burst; the cells take ticks and bursts.
        _cells = new SendLimitCells(interval * 10, limit / interval, pairInterval * 10, pairInterval == 0 ? 0 : pairLimit / pairInterval, _timeProvider);
    }

    /// <inheritdoc />
    public ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default) =>
        this.ReserveAndWaitAsync(scope, recipient, _timeProvider, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<TimeSpan> ReserveAsync(string scope, string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recipient);
        var numberKey = scope + "\n";
        var pairKey = scope + "\n" + recipient;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (_cells.TryTake(numberKey, pairKey, MaxReservation))
            {
                case null:
                    return TimeSpan.Zero;
                case { Reserved: true } reserved:
                    // The place is this message's: one look per message however many wait.
                    return reserved.Wait;
                case { } heldBack:
                    await Task.Delay(heldBack.Wait - MaxReservation, _timeProvider, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }
}
