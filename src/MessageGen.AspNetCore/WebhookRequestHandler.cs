using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MessageGen.Webhooks;

/// <summary>
/// Answers one delivery: 401 before reading the body when the header is wrong (or after, when the signature is), 413
/// past 1 MiB, 400 for what is not a WhatsApp notification, then hands each event not handled before to the handler
/// and answers 200 only when all were handled: 500 when the handler threw, so that nothing is lost.
/// </summary>
internal sealed class WebhookRequestHandler(
    WebhookAuthenticator authenticator,
    IWebhookEventStore store,
    WebhookMetrics metrics,
    TimeProvider time,
    ILogger<WebhookRequestHandler> logger)
{
    private const string WhatsAppObject = "whatsapp_business_account";

    public async Task HandleAsync(HttpContext context, Func<WhatsAppEvent, HttpContext, Task> handler)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!authenticator.HeaderMatches(request.Headers))
        {
            WebhookLog.Unauthorized(logger, context.Connection.RemoteIpAddress?.ToString(), "the authentication header is missing or wrong");
            await AnswerAsync(context, StatusCodes.Status401Unauthorized, "Missing or wrong authentication header.");
            return;
        }

        var buffer = await ReadBodyAsync(request, cancellationToken);
        if (buffer is null)
        {
            WebhookLog.TooLarge(logger, WhatsAppWebhookOptions.MaxBodySize);
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {WhatsAppWebhookOptions.MaxBodySize} bytes.");
            return;
        }

        try
        {
            await HandleBodyAsync(context, buffer.Value, handler);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer.Value.Array!);
        }
    }

    private async Task HandleBodyAsync(HttpContext context, ArraySegment<byte> body, Func<WhatsAppEvent, HttpContext, Task> handler)
    {
        if (!authenticator.SignatureMatches(context.Request.Headers, body))
        {
            WebhookLog.Unauthorized(logger, context.Connection.RemoteIpAddress?.ToString(), $"the {WebhookAuthenticator.SignatureHeader} header is missing or wrong");
            await AnswerAsync(context, StatusCodes.Status401Unauthorized, "Missing or wrong signature.");
            return;
        }

        if (Parse(body) is not { } events)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, "Not a WhatsApp webhook notification.");
            return;
        }

        foreach (var e in events)
        {
            metrics.Received(e);
        }

        foreach (var e in events)
        {
            var key = e.DeduplicationKey;
            if (key is not null)
            {
                switch (await store.TryClaimAsync(key, context.RequestAborted))
                {
                    case EventClaim.Handled:
                        metrics.Duplicate(e);
                        WebhookLog.Duplicate(logger, key);
                        continue;
                    case EventClaim.InProgress:
                        WebhookLog.InProgress(logger, key);
                        await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "An event of this notification is being handled; deliver it again later.");
                        return;
                }
            }

            try
            {
                await handler(e, context);
            }
            catch (Exception exception)
            {
                if (key is not null)
                {
                    await store.ReleaseAsync(key, CancellationToken.None);
                }

                metrics.Failed(e);
                WebhookLog.HandlerFailed(logger, exception, key);
                await AnswerAsync(context, StatusCodes.Status500InternalServerError, "The handler failed; deliver the notification again.");
                return;
            }

            if (key is not null)
            {
                await store.CompleteAsync(key, CancellationToken.None);
            }

            metrics.Handled(e);
            WebhookLog.Handled(logger, e.GetType().Name, key);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The events of a WhatsApp notification; null (logged) when the body is not one.</summary>
    private List<WhatsAppEvent>? Parse(ArraySegment<byte> body)
    {
        try
        {
            var notification = WebhookNotification.FromJson(body);
            if (notification.Object == WhatsAppObject)
            {
                return WebhookEventReader.Read(notification, body, time.GetUtcNow());
            }

            WebhookLog.Malformed(logger, $"'object' is not \"{WhatsAppObject}\".");
        }
        catch (Exception e) when (e is MalformedJsonException or MessageValidationException)
        {
            WebhookLog.Malformed(logger, e.Message);
        }

        return null;
    }

    /// <summary>The body in a pooled buffer (return it), or null when it is larger than the limit, stopping at the limit.</summary>
    private static async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = WhatsAppWebhookOptions.MaxBodySize;
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, limit) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return new ArraySegment<byte>(buffer, 0, length);
            }

            length += read;
            if (length > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
