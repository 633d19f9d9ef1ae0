namespace MessageGen.Internal;

/// <summary>A checked, immutable copy of <see cref="WhatsAppClientOptions"/>, so that later changes to the options cannot race a send.</summary>
internal sealed record ClientSettings(Uri BaseAddress, TimeSpan Timeout, RetrySettings Retry, ISendRateLimiter? RateLimiter = null)
{
    // Made once, not per send. A copy made with 'with' keeps them, so such a copy must not change BaseAddress.
    public Uri MessagesUri { get; } = new(BaseAddress, "messages");

    public Uri MediaUri { get; } = new(BaseAddress, "media");

    public Uri WebhookConfigUri { get; } = new(BaseAddress, "v1/configs/webhook");

    public Uri TemplatesUri { get; } = new(BaseAddress, "v1/configs/templates");

    public static ClientSettings From(WhatsAppClientOptions options)
    {
        var baseAddress = CheckBaseAddress(options.BaseAddress);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(options));
        }

        return new ClientSettings(baseAddress, options.Timeout, RetrySettings.From(options.Retry ?? new WhatsAppRetryOptions()), options.RateLimiter);
    }

    /// <summary>Only https, or http to this machine: the key must never cross a network in clear text.</summary>
    private static bool IsAllowedBaseAddress(Uri? baseAddress) =>
        baseAddress is { IsAbsoluteUri: true }
        && (baseAddress.Scheme == Uri.UriSchemeHttps || (baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback));

    private static Uri CheckBaseAddress(Uri? baseAddress)
    {
        if (baseAddress is null || !baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseAddress must be an absolute https:// URI.", nameof(baseAddress));
        }

        if (!IsAllowedBaseAddress(baseAddress))
        {
            throw new ArgumentException(
                $"BaseAddress {baseAddress.GetLeftPart(UriPartial.Authority)} is refused: the API key would travel in clear text. " +
                "Use https://, or http:// only to a loopback address such as a local sandbox.",
                nameof(baseAddress));
        }

        if (!string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            throw new ArgumentException("BaseAddress must not carry user information; the key goes in the D360-API-KEY header.", nameof(baseAddress));
        }

        // "messages" must resolve under the base path, not replace its last segment.
        return baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
    }
}

/// <summary>A checked copy of <see cref="WhatsAppRetryOptions"/> and the backoff it implies.</summary>
internal sealed record RetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay, bool UseJitter, TimeSpan MaxRetryAfter, bool RetryWhenOutcomeUnknown)
{
    public static RetrySettings From(WhatsAppRetryOptions options)
    {
        if (options.MaxRetries < 0)
        {
            throw new ArgumentException("Retry.MaxRetries must not be negative.", nameof(options));
        }

        if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("Retry delays must not be negative.", nameof(options));
        }

        return new RetrySettings(
            options.MaxRetries, options.BaseDelay, options.MaxDelay, options.UseJitter, options.MaxRetryAfter, options.RetryWhenOutcomeUnknown);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): doubling from the base delay, capped, with jitter.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = (long)Math.Min(exponential, MaxDelay.Ticks);
        if (!UseJitter || capped < 2)
        {
            return TimeSpan.FromTicks(capped);
        }

        // "Equal jitter": at least half the delay, so backoff still grows, and random in the upper half.
        var half = capped / 2;
        return TimeSpan.FromTicks(half + Random.Shared.NextInt64(capped - half + 1));
    }
}
