using System.Net;
using System.Text;
using System.Text.Json;

namespace MessageGen.Internal;

/// <summary>Reads the API's three error shapes (and bodies that are not JSON at all) into a <see cref="WhatsAppApiException"/>.</summary>
internal static class ApiErrorReader
{
    private const int MaxQuotedBodyChars = 300;

    /// <summary>
    /// Reads the error in <paramref name="body"/>. A server that echoes the request (an HTML 401 page, a proxy) may echo
    /// the key: every text taken from the body has <paramref name="apiKey"/> replaced, so it reaches no exception or log.
    /// </summary>
    public static WhatsAppApiException Read(HttpStatusCode statusCode, ReadOnlySpan<byte> body, TimeSpan? retryAfter, int attempts, string apiKey)
    {
        try
        {
            using var document = JsonDocument.Parse(LenientText.ToValidUtf8(body));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.String)
                    {
                        return new WhatsAppApiException(statusCode, WhatsAppApiErrorShape.Dialog, Redact(LenientText.Get(error), apiKey), retryAfter: retryAfter, attempts: attempts);
                    }

                    if (error.ValueKind == JsonValueKind.Object)
                    {
                        string? details = null;
                        if (error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object)
                        {
                            details = String(data, "details", apiKey);
                        }

                        // error_user_msg stands in for a missing message; it is a detail only beside one.
                        var message = String(error, "message", apiKey);
                        var userMessage = String(error, "error_user_msg", apiKey);
                        return new WhatsAppApiException(
                            statusCode,
                            WhatsAppApiErrorShape.Graph,
                            message ?? userMessage ?? "(no message)",
                            errorCode: Int(error, "code"),
                            errorSubcode: Int(error, "error_subcode"),
                            errorType: String(error, "type", apiKey),
                            details: details ?? (message is null ? null : userMessage),
                            traceId: String(error, "fbtrace_id", apiKey),
                            retryAfter: retryAfter,
                            attempts: attempts);
                    }
                }

                if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
                {
                    return new WhatsAppApiException(
                        statusCode,
                        WhatsAppApiErrorShape.Legacy,
                        String(meta, "developerMessage", apiKey) ?? String(meta, "developer_message", apiKey) ?? "(no message)",
                        retryAfter: retryAfter,
                        attempts: attempts);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: quote the body's start below.
        }

        return new WhatsAppApiException(statusCode, WhatsAppApiErrorShape.Unrecognized, Redact(Quote(body), apiKey), retryAfter: retryAfter, attempts: attempts);
    }

    private static string? String(JsonElement element, string name, string apiKey) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Redact(LenientText.Get(value), apiKey) : null;

    private static string Redact(string text, string apiKey) => text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string Quote(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length > MaxQuotedBodyChars)
        {
            text = string.Concat(text.AsSpan(0, MaxQuotedBodyChars), "…");
        }

        return text.ReplaceLineEndings(" ");
    }
}
