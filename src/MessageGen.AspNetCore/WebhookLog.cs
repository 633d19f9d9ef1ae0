using Microsoft.Extensions.Logging;

namespace MessageGen.Webhooks;

/// <summary>The endpoint's log events. No secret, header value or body is ever logged.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 100, EventName = "WebhookUnauthorized", Level = LogLevel.Warning,
        Message = "Webhook delivery from {RemoteAddress} rejected with 401: {Reason}.")]
    public static partial void Unauthorized(ILogger logger, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 101, EventName = "WebhookTooLarge", Level = LogLevel.Warning,
        Message = "Webhook delivery rejected with 413: the body is larger than {Limit} bytes.")]
    public static partial void TooLarge(ILogger logger, int limit);

    [LoggerMessage(EventId = 102, EventName = "WebhookMalformed", Level = LogLevel.Warning,
        Message = "Webhook delivery rejected with 400: {Reason}")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 103, EventName = "WebhookEventHandled", Level = LogLevel.Debug,
        Message = "Handled {Kind} event {Key}.")]
    public static partial void Handled(ILogger logger, string kind, string? key);

    [LoggerMessage(EventId = 104, EventName = "WebhookDuplicateSkipped", Level = LogLevel.Debug,
        Message = "Skipped {Key}: it was handled before.")]
    public static partial void Duplicate(ILogger logger, string key);

    [LoggerMessage(EventId = 105, EventName = "WebhookHandlerFailed", Level = LogLevel.Error,
        Message = "The webhook handler threw on {Key}; answered 500 so that the notification is delivered again.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? key);

    [LoggerMessage(EventId = 106, EventName = "WebhookEventInProgress", Level = LogLevel.Information,
        Message = "{Key} is being handled by another delivery; answered 503 so that this one is delivered again.")]
    public static partial void InProgress(ILogger logger, string key);
}
