namespace MessageGen;

/// <summary>The limits an <see cref="ISendRateLimiter"/> holds.</summary>
public sealed class SendRateLimitOptions
{
    /// <summary>The most messages per second per sender number. Default 80 (the API's default; up to 1,000 on higher tiers).</summary>
    public double MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// How many messages of one sender number may go back to back before pacing starts. Default: a tenth of
    /// <see cref="MessagesPerSecond"/> (at least 1), so that no window of any length sees more than the rate allows plus that burst.
    /// </summary>
    public int? MessagesBurst { get; set; }

    /// <summary>Whether the pair limit (one sender number to one recipient) is held. Default true.</summary>
    public bool PairLimit { get; set; } = true;

    /// <summary>After a burst, one message to the same recipient per this period. Default 6 seconds.</summary>
    public TimeSpan PairLimitPeriod { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How many messages to the same recipient may go back to back (borrowing ahead); after them, one per
    /// <see cref="PairLimitPeriod"/>. Default 45, as the sandbox's <c>--pair-limit</c>.
    /// </summary>
    public int PairLimitBurst { get; set; } = 45;

    /// <summary>Checks the values and returns the GCRA parameters: the emission interval and the tolerance, in microseconds.</summary>
    internal (long Interval, long Limit, long PairInterval, long PairLimit) ToGcra()
    {
        if (!(MessagesPerSecond > 0) || double.IsInfinity(MessagesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(MessagesPerSecond), MessagesPerSecond, "MessagesPerSecond must be positive.");
        }

        var burst = MessagesBurst ?? Math.Max(1, (int)Math.Round(MessagesPerSecond / 10));
        if (burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MessagesBurst), burst, "MessagesBurst must be at least 1.");
        }

        var interval = Math.Max(1L, (long)Math.Round(1_000_000 / MessagesPerSecond));
        if (!PairLimit)
        {
            return (interval, interval * burst, 0, 0);
        }

        if (PairLimitPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PairLimitPeriod), PairLimitPeriod, "PairLimitPeriod must be positive.");
        }

        if (PairLimitBurst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PairLimitBurst), PairLimitBurst, "PairLimitBurst must be at least 1.");
        }

        var pairInterval = PairLimitPeriod.Ticks / 10;
        return (interval, interval * burst, pairInterval, pairInterval * PairLimitBurst);
    }
}
