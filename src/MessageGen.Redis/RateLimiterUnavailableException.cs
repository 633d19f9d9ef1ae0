namespace MessageGen.Redis;

/// <summary>
/// The shared limits could not be checked for <see cref="RedisSendRateLimiterOptions.UnavailableTimeout"/> because Redis was
/// unreachable. The message was not sent; sending it anyway could break the limits other processes hold.
/// </summary>
public sealed class RateLimiterUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RateLimiterUnavailableException()
        : this("Redis, which holds the shared sending limits, stayed unreachable; the message was not sent.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RateLimiterUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last Redis error.</summary>
    public RateLimiterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
