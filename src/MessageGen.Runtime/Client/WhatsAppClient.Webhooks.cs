using System.Buffers;
using System.Text.Json;
using MessageGen.Internal;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    private const string SetWebhookOperation = "POST /v1/configs/webhook";
    private const string GetWebhookOperation = "GET /v1/configs/webhook";

    /// <summary>
    /// Sets where the API delivers this number's webhooks (<c>POST /v1/configs/webhook</c>), with headers it sends with every
    /// delivery: put a secret there and check it in the receiver (<c>MessageGen.AspNetCore</c> does).
    /// </summary>
    /// <param name="url">An <c>https</c> URL (<c>http</c> only to this machine, for the sandbox).</param>
    /// <param name="headers">Headers for every delivery, such as <c>X-Secret</c>; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The URL is not absolute, or is <c>http</c> to another machine.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the configuration.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public async Task SetWebhookAsync(Uri url, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            throw new ArgumentException($"The webhook URL must be an absolute https URL (http only to this machine), not '{url}'.", nameof(url));
        }

        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("url", url.AbsoluteUri);
            if (headers is { Count: > 0 })
            {
                json.WriteStartObject("headers");
                foreach (var (name, value) in headers)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        using var content = new ByteArrayContent(body.WrittenMemory.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var (answer, _) = await ExecuteAsync(SetWebhookOperation, HttpMethod.Post, _settings.WebhookConfigUri, content, contentCanBeResent: true, cancellationToken).ConfigureAwait(false);
        answer.Dispose();
    }

    /// <summary>Reads where the API delivers this number's webhooks (<c>GET /v1/configs/webhook</c>).</summary>
    /// <exception cref="WhatsAppApiException">The API answered with an error.</exception>
    /// <exception cref="WhatsAppTransportException">No answer, or one that is not a webhook configuration.</exception>
    public async Task<WebhookConfiguration> GetWebhookAsync(CancellationToken cancellationToken = default)
    {
        var (answer, attempts) = await ExecuteAsync(GetWebhookOperation, HttpMethod.Get, _settings.WebhookConfigUri, content: null, contentCanBeResent: true, cancellationToken).ConfigureAwait(false);
        using (answer)
        {
            return ReadWebhookConfiguration(answer.WrittenMemory) ?? throw _diagnostics.UnreadableSuccess(GetWebhookOperation, "{\"url\":\"...\"}", attempts);
        }
    }

    private static WebhookConfiguration? ReadWebhookConfiguration(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            Uri? url = null;
            if (root.TryGetProperty("url", out var urlText) && urlText.ValueKind == JsonValueKind.String
                && !Uri.TryCreate(urlText.GetString(), UriKind.Absolute, out url))
            {
                return null;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in headerObject.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.String))
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }

            return new WebhookConfiguration(url, headers);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
