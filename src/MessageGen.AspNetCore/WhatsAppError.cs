namespace MessageGen.Webhooks;

/// <summary>An error the API reports in a webhook.</summary>
/// <param name="Code">The API's error code, such as 131053 (media upload error), 131026 (undeliverable) or 131047 (outside the 24-hour window).</param>
/// <param name="Title">The error's title.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Details">What went wrong, in detail.</param>
public sealed record WhatsAppError(int Code, string? Title, string? Message, string? Details)
{
    internal static IReadOnlyList<WhatsAppError> From(IReadOnlyList<WebhookError>? errors)
        => errors is null or { Count: 0 }
            ? []
            : errors.Select(e => new WhatsAppError(ToInt32(e.Code), e.Title, e.Message, e.ErrorData?.Details)).ToArray();

    // Codes are six digits today; one beyond int is kept recognisable rather than wrapped.
    private static int ToInt32(long code) => code is >= int.MinValue and <= int.MaxValue ? (int)code : -1;
}
