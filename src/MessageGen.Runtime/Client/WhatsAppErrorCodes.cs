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

    /// <summary>A template send's number of parameters (of its header, body or a button) differs from the template's.</summary>
    public const int TemplateParameterCountMismatch = 132000;

    /// <summary>No approved template of that name in that language.</summary>
    public const int TemplateNotFound = 132001;

    /// <summary>A template's text is too long once its parameters are filled in.</summary>
    public const int TemplateTextTooLong = 132005;

    /// <summary>A template parameter is of the wrong kind (e.g. a video for an image header, a named one for a positional template).</summary>
    public const int TemplateParameterFormatMismatch = 132012;

    /// <summary>A short English name for a known code, or null.</summary>
    public static string? Describe(int code) => code switch
    {
        ThroughputLimit => "throughput limit",
        PairRateLimit => "pair rate limit",
        MediaUploadError => "media upload error",
        Undeliverable => "undeliverable",
        ReEngagementWindow => "re-engagement window closed",
        TemplateParameterCountMismatch => "template parameter count mismatch",
        TemplateNotFound => "template not found in that language",
        TemplateTextTooLong => "template text too long",
        TemplateParameterFormatMismatch => "template parameter format mismatch",
        _ => null,
    };
}
