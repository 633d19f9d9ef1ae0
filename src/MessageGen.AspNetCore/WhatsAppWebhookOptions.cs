namespace MessageGen.Webhooks;

/// <summary>
/// How the webhook endpoint authenticates deliveries and remembers handled events. Set <see cref="HeaderName"/> and
/// <see cref="HeaderValue"/> to the header configured with the webhook URL (360dialog sends it with every delivery),
/// and <see cref="SignatureKey"/> for deliveries signed with <c>x-360dialog-signature</c>.
/// </summary>
public sealed class WhatsAppWebhookOptions
{
    /// <summary>The largest body accepted, in bytes (1 MiB); a larger one is answered 413.</summary>
    public const int MaxBodySize = 1024 * 1024;

    /// <summary>The header each delivery must carry, such as <c>X-Secret</c>.</summary>
    public string? HeaderName { get; set; }

    /// <summary>The value <see cref="HeaderName"/> must have; compared in constant time, never logged.</summary>
    public string? HeaderValue { get; set; }

    /// <summary>
    /// When set, each delivery must carry <c>x-360dialog-signature</c>: the hex HMAC-SHA256 of the raw body with this key.
    /// </summary>
    public string? SignatureKey { get; set; }

    /// <summary>
    /// Accepts deliveries without any check when neither a header nor a signature key is set. Off by default, so that a
    /// forgotten secret stops the application at start instead of opening the endpoint to anyone.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>How long a handled event is remembered, so that its redelivery is not handed on again (one day).</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many handled events the default in-memory store remembers at most (the oldest are forgotten first).</summary>
    public int DeduplicationCapacity { get; set; } = 100_000;
}
