namespace MessageGen;

/// <summary>Error codes of the WhatsApp API worth handling by name (<see cref="WhatsAppApiException.ErrorCode"/>).</summary>
public static class WhatsAppErrorCodes
{
    /// <summary>The sender number's throughput limit was reached; retried automatically after a wait.</summary>
    public const int ThroughputLimit = 130429;

    /// <summary>Too many messages to the same user in a short time (about one per 6 seconds).</summary>
    public const int PairRateLimit = 131056;

    /// <summary>The media could not be uploaded or downloaded.</summary>
    public const int MediaUploadError = 131053;

    /// <summary>The message could not be delivered (not a WhatsApp user, old app, or terms not accepted).</summary>
    public const int Undeliverable = 131026;

    /// <summary>More than 24 hours since the user last wrote: only a template message can be sent.</summary>
    public const int ReEngagementWindow = 131047;

    /// <summary>A short English name for a known code, or null.</summary>
    public static string? Describe(int code) => code switch
    {
        ThroughputLimit => "throughput limit",
        PairRateLimit => "pair rate limit",
        MediaUploadError => "media upload error",
        Undeliverable => "undeliverable",
        ReEngagementWindow => "re-engagement window closed",
        _ => null,
    };
}
