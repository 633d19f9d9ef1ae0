using MessageGen.Webhooks;

namespace MessageGen.Sandbox;

/// <summary>A status the sandbox will deliver for an accepted message, with the error of a failure.</summary>
/// <param name="Status">The API's status string.</param>
/// <param name="Error">Why it failed; null unless <paramref name="Status"/> is <c>failed</c>.</param>
internal sealed record PlannedStatus(string Status, WebhookError? Error)
{
    public const string SentStatus = "sent";
    public const string DeliveredStatus = "delivered";
    public const string ReadStatus = "read";
    public const string FailedStatus = "failed";

    public static PlannedStatus Sent { get; } = new(SentStatus, null);

    public static PlannedStatus Delivered { get; } = new(DeliveredStatus, null);

    public static PlannedStatus Read { get; } = new(ReadStatus, null);

    /// <summary>A failure as the API reports it: the title doubles as the message, the details go in <c>error_data</c>.</summary>
    public static PlannedStatus Failed(int code, string title, string details) => new(
        FailedStatus,
        WebhookError.Builder().WithCode(code).WithTitle(title).WithMessage(title).WithErrorData(data => data.WithDetails(details)).Build());

    /// <summary>For output: <c>sent</c>, or <c>failed (131053)</c>.</summary>
    public override string ToString() => Error is null ? Status : $"{Status} ({Error.Code})";
}
