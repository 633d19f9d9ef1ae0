namespace MessageGen.Internal;

/// <summary>Which retry rules a request follows.</summary>
internal enum RetryRules
{
    /// <summary>
    /// API calls (send, upload, media info, webhook config): transient errors (<see cref="WhatsAppApiException.IsTransient"/>)
    /// after <c>Retry-After</c> or backoff; unknown outcomes only when <see cref="WhatsAppRetryOptions.RetryWhenOutcomeUnknown"/>.
    /// </summary>
    ApiCall,

    /// <summary>
    /// Media downloads: 5xx after backoff, never a 4xx (repeated failed downloads block the number's media for an hour);
    /// only connections never made, since a download may have been counted.
    /// </summary>
    MediaDownload,
}

/// <summary>Pipeline step 5: whether a failed attempt is tried again, and after how long. Null means the failure is final.</summary>
internal static class RetryDecider
{
    /// <summary>Whether attempt <paramref name="attempt"/> (1-based) may be followed by another at all.</summary>
    public static bool MayRetry(RetrySettings retry, int attempt, bool contentCanBeResent) =>
        attempt <= retry.MaxRetries && contentCanBeResent;

    /// <summary>The wait before the next attempt after the API answered <paramref name="error"/>, or null when it is final.</summary>
    public static TimeSpan? AfterError(RetrySettings retry, RetryRules rules, WhatsAppApiException error, int attempt, bool mayRetry)
    {
        if (!mayRetry)
        {
            return null;
        }

        return rules switch
        {
            RetryRules.MediaDownload => (int)error.StatusCode >= 500 ? retry.Backoff(attempt) : null,
            _ => error.IsTransient && !(error.RetryAfter > retry.MaxRetryAfter) ? error.RetryAfter ?? retry.Backoff(attempt) : null,
        };
    }

    /// <summary>The wait before the next attempt after no answer came, or null when it is final.</summary>
    public static TimeSpan? AfterTransportFailure(RetrySettings retry, RetryRules rules, WhatsAppTransportFailure failure, int attempt, bool mayRetry)
    {
        // Only a connection never made is known to have sent nothing; anything else may have delivered the message.
        var retriable = failure == WhatsAppTransportFailure.ConnectionFailed || (rules == RetryRules.ApiCall && retry.RetryWhenOutcomeUnknown);
        return mayRetry && retriable ? retry.Backoff(attempt) : null;
    }

    /// <summary>The reason a retry of an error answer is logged with.</summary>
    public static string Reason(WhatsAppApiException error) =>
        error.ErrorCode is { } code ? $"HTTP {(int)error.StatusCode}, code {code}" : $"HTTP {(int)error.StatusCode}";
}
