using Microsoft.Extensions.Logging;

namespace MessageGen.Internal;

/// <summary>The client's log events. Values are structured; the API key is never among them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "SendingRequest", Level = LogLevel.Debug,
        Message = "Sending {Operation} to {Endpoint}, attempt {Attempt}")]
    public static partial void SendingRequest(ILogger logger, string operation, Uri endpoint, int attempt);

    [LoggerMessage(EventId = 2, EventName = "MessageAccepted", Level = LogLevel.Information,
        Message = "WhatsApp accepted message {MessageId} (status {MessageStatus}) after {Attempts} attempt(s) in {ElapsedMilliseconds} ms")]
    public static partial void MessageAccepted(ILogger logger, string messageId, string? messageStatus, int attempts, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds} ms")]
    public static partial void RetryScheduled(ILogger logger, string operation, int attempt, string reason, long delayMilliseconds);

    [LoggerMessage(EventId = 4, EventName = "RequestRejected", Level = LogLevel.Warning,
        Message = "{Operation} rejected by the API after {Attempts} attempt(s): HTTP {StatusCode}, code {ErrorCode}: {ApiMessage}")]
    public static partial void RequestRejected(ILogger logger, string operation, int attempts, int statusCode, int? errorCode, string apiMessage);

    [LoggerMessage(EventId = 5, EventName = "TransportFailed", Level = LogLevel.Error,
        Message = "{Operation} failed after {Attempts} attempt(s): {Failure}; may have been delivered: {MayHaveBeenDelivered}")]
    public static partial void TransportFailed(ILogger logger, string operation, int attempts, WhatsAppTransportFailure failure, bool mayHaveBeenDelivered, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "MediaUploaded", Level = LogLevel.Information,
        Message = "Uploaded media {MediaId} ({MimeType}) after {Attempts} attempt(s) in {ElapsedMilliseconds} ms")]
    public static partial void MediaUploaded(ILogger logger, string mediaId, string mimeType, int attempts, long elapsedMilliseconds);
}
