namespace MessageGen.Redis;

/// <summary>Settings of a <see cref="RedisSendRateLimiter"/>.</summary>
public sealed class RedisSendRateLimiterOptions
{
    /// <summary>The limits held. Every process sharing a sender number must use the same values.</summary>
    public SendRateLimitOptions Limits { get; set; } = new();

    /// <summary>The start of every key the limiter writes. Default <c>messagegen:limits:</c>.</summary>
    public string KeyPrefix { get; set; } = "messagegen:limits:";

    /// <summary>The longest wait between attempts to reach Redis while it is unreachable (the wait doubles from 50 ms up to it). Default 2 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one send waits for an unreachable Redis before it fails with <see cref="RateLimiterUnavailableException"/>
    /// (nothing sent). Default 5 minutes; <see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled.
    /// </summary>
    public TimeSpan UnavailableTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
