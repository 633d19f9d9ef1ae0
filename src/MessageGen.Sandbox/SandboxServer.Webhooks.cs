using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MessageGen.Sandbox;

/// <summary>The webhook side of the sandbox: its configuration, the deliveries after "accepted", inbound messages, the record of attempts.</summary>
public sealed partial class SandboxServer
{
    /// <summary>
    /// Where webhook notifications go, as <c>POST /v1/configs/webhook</c> or <see cref="SandboxOptions.Webhook"/> set it;
    /// null delivers nothing. Setting it applies to every attempt from then on, retries included.
    /// </summary>
    public SandboxWebhook? Webhook
    {
        get => _webhooks.Webhook;
        set => _webhooks.Webhook = value;
    }

    /// <summary>
    /// Every webhook delivery attempt, in order (a snapshot): the newest, within the limits of <see cref="SandboxOptions"/>
    /// (their bodies count towards <see cref="SandboxOptions.MaxRecordedBodyBytes"/>).
    /// </summary>
    public IReadOnlyList<SandboxWebhookAttempt> WebhookAttempts => _records.WebhookAttempts().Items;

    /// <summary>How many attempts were dropped from <see cref="WebhookAttempts"/> to keep within the limits, oldest first.</summary>
    public long DroppedWebhookAttempts => _records.DroppedWebhookAttempts;

    /// <summary>How many messages got no deliveries at all because too many were still pending (a receiver that does not answer).</summary>
    public long DroppedWebhookDeliveries => _webhooks.DroppedSequences;

    /// <summary>The statuses of an accepted message, delivered one after the other in the background (nothing without a webhook).</summary>
    private void StartStatusDeliveries(string messageId, SandboxSentMessage message)
    {
        if (_webhooks.Webhook is null)
        {
            return;
        }

        var recipientId = message.To.TrimStart('+');
        _webhooks.Start(async cancellationToken =>
        {
            var conversationId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            foreach (var status in await SandboxStatusPlan.ForAsync(message, _mediaCheck, cancellationToken).ConfigureAwait(false))
            {
                var notification = SandboxNotifications.Status(messageId, recipientId, status, conversationId);
                await _webhooks.DeliverAsync(notification, $"{status} {messageId}", cancellationToken).ConfigureAwait(false);
            }
        });
    }

    private async Task PostWebhookConfigAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is null || !await RequireJsonAsync(context, request).ConfigureAwait(false))
        {
            return;
        }

        if (!TryReadWebhookConfig(request.Body, out var webhook, out var problem))
        {
            await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(problem)).ConfigureAwait(false);
            return;
        }

        _webhooks.Webhook = webhook;
        await request.AnswerAsync(200, SandboxAnswers.WebhookSet(webhook)).ConfigureAwait(false);
    }

    private async Task GetWebhookConfigAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is not null)
        {
            await request.AnswerAsync(200, SandboxAnswers.WebhookConfig(_webhooks.Webhook)).ConfigureAwait(false);
        }
    }

    private async Task PostInboundAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false, playsFaults: false).ConfigureAwait(false);
        if (request is null || !await RequireJsonAsync(context, request).ConfigureAwait(false))
        {
            return;
        }

        if (!SandboxInboundMessage.TryRead(request.Body, out var inbound, out var problem))
        {
            await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(problem)).ConfigureAwait(false);
            return;
        }

        if (_webhooks.Webhook is null)
        {
            await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(
                "No webhook is configured to deliver the message to: set one with POST /v1/configs/webhook first.")).ConfigureAwait(false);
            return;
        }

        await request.AnswerAsync(200, SandboxAnswers.IdOnly(inbound.Id)).ConfigureAwait(false);
        var notification = SandboxNotifications.Inbound(inbound.Message, inbound.Sender);
        _webhooks.Start(cancellationToken => _webhooks.DeliverAsync(notification, $"inbound {inbound.Message.Type} {inbound.Id}", cancellationToken));
    }

    private Task ListWebhookAttemptsAsync(HttpContext context) => ListRecordsAsync(context, json =>
    {
        var attempts = _records.WebhookAttempts();
        json.WriteNumber("dropped_attempts", attempts.Dropped);
        json.WriteNumber("dropped_deliveries", _webhooks.DroppedSequences);
        json.WriteStartArray("attempts");
        foreach (var attempt in attempts.Items)
        {
            json.WriteStartObject();
            json.WriteString("url", attempt.Url);
            if (attempt.StatusCode is { } status)
            {
                json.WriteNumber("status", status);
            }
            else
            {
                json.WriteNull("status");
            }

            json.WriteNumber("attempt", attempt.Attempt);
            json.WriteString("sent_at", attempt.SentAt);
            json.WriteString("error", attempt.Error);
            json.WriteString("summary", attempt.Summary);
            json.WritePropertyName("body");
            json.WriteRawValue(attempt.Body.Span, skipInputValidation: true);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>Reads <c>{"url":"...","headers":{"Name":"value"}}</c>; on failure, says why.</summary>
    private static bool TryReadWebhookConfig(
        byte[] body, [NotNullWhen(true)] out SandboxWebhook? webhook, [NotNullWhen(false)] out string? problem)
    {
        webhook = null;
        const string Shape = "The body must be {\"url\":\"http://127.0.0.1:PORT/PATH\",\"headers\":{\"Name\":\"value\"}} (headers optional).";
        try
        {
            using var config = JsonDocument.Parse(body);
            var root = config.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                || (root.TryGetProperty("headers", out var headers) && headers.ValueKind != JsonValueKind.Object))
            {
                problem = Shape;
                return false;
            }

            var headerValues = new Dictionary<string, string>(StringComparer.Ordinal);
            if (headers.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in headers.EnumerateObject())
                {
                    if (header.Value.ValueKind != JsonValueKind.String || !headerValues.TryAdd(header.Name, header.Value.GetString()!))
                    {
                        problem = Shape + " Each header is named once and has a string value.";
                        return false;
                    }
                }
            }

            return SandboxWebhook.TryCreate(url.GetString()!, headerValues, out webhook, out problem);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not Unicode (an escaped lone surrogate).
            problem = "Malformed JSON: " + SandboxAnswers.Shown(e.Message);
            return false;
        }
    }
}
