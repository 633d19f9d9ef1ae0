namespace MessageGen;

/// <summary>Pacing of <see cref="WhatsAppClient.SendManyAsync"/>.</summary>
public sealed class BulkSendOptions
{
    /// <summary>How many requests may be in flight at once. Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// The most messages started per second; the API allows 80 per sender number by default (up to 1,000 on higher tiers).
    /// Default (null): the client's <see cref="WhatsAppClientOptions.RateLimiter"/> alone paces the sends when it has one
    /// (it counts retries too, and other processes' sends with Redis), else 80 a second. Retries inside a send are not
    /// counted here.
    /// </summary>
    public double? MessagesPerSecond { get; set; }
}

/// <summary>What became of one message of a bulk send.</summary>
/// <param name="Index">The message's position in the input.</param>
/// <param name="Message">The message.</param>
/// <param name="Result">The API's answer when it accepted the message; otherwise null.</param>
/// <param name="Error">
/// Why it was not accepted: <see cref="MessageValidationException"/>, <see cref="WhatsAppApiException"/>,
/// <see cref="WhatsAppTransportException"/>, or <see cref="OperationCanceledException"/> when the bulk send was cancelled.
/// </param>
/// <param name="Attempted">Whether a request was started for it (false when cancelled before its turn or invalid).</param>
public sealed record BulkSendResult(int Index, IWhatsAppMessage Message, SendMessageResult? Result, Exception? Error, bool Attempted)
{
    /// <summary>Whether the API accepted the message.</summary>
    public bool Succeeded => Result is not null;

    /// <summary>
    /// Whether the message may have been delivered even though no acceptance was seen (the request was sent and the answer
    /// was lost or cancelled). Check these before sending again: a second send can deliver twice.
    /// </summary>
    public bool OutcomeUnknown => Result is null && Attempted && Error is WhatsAppTransportException { MayHaveBeenDelivered: true } or OperationCanceledException;
}
