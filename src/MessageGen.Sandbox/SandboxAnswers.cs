using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MessageGen.Sandbox;

/// <summary>Bodies in the API's own shapes.</summary>
internal static class SandboxAnswers
{
    /// <summary>How many characters of text from a request an answer shows: a hostile request must not make a large answer.</summary>
    private const int MaxShownLength = 200;

    /// <summary>Writes text as the API does: <c>+</c> and non-ASCII as themselves, not as <c>\u</c> escapes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The legacy envelope, which 360dialog still uses for a refused key.</summary>
    public static readonly byte[] InvalidApiKey = Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("meta");
        json.WriteBoolean("success", false);
        json.WriteNumber("httpCode", 401);
        json.WriteString("developerMessage", "Invalid api key");
        json.WriteEndObject();
        json.WriteEndObject();
    });

    public static byte[] GraphError(string message, string type, int code, string details) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", type);
        json.WriteNumber("code", code);
        json.WriteStartObject("error_data");
        json.WriteString("messaging_product", "whatsapp");
        json.WriteString("details", details);
        json.WriteEndObject();
        json.WriteString("fbtrace_id", NewTraceId());
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>What the API answers a message it cannot take as sent: Graph code 100.</summary>
    public static byte[] InvalidParameter(string details) => GraphError("(#100) Invalid parameter", "OAuthException", 100, details);

    /// <summary>What the API answers a message over the business number's throughput: Graph code 130429, with HTTP 429.</summary>
    public static byte[] ThroughputLimit() => GraphError(
        "(#130429) Rate limit hit", "OAuthException", WhatsAppErrorCodes.ThroughputLimit, "Cloud API message throughput has been reached.");

    /// <summary>What the API answers a message over the pair rate limit: Graph code 131056, with HTTP 400.</summary>
    public static byte[] PairRateLimit() => GraphError(
        "(#131056) (Business Account, Consumer Account) pair rate limit hit",
        "OAuthException",
        WhatsAppErrorCodes.PairRateLimit,
        "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");

    /// <summary>What the API answers a template send that does not match an approved template: its 1320xx code, HTTP 400.</summary>
    public static byte[] TemplateError(SandboxTemplateProblem problem) => GraphError(
        problem.Code switch
        {
            WhatsAppErrorCodes.TemplateParameterCountMismatch => "(#132000) Number of parameters does not match the expected number of params",
            WhatsAppErrorCodes.TemplateNotFound => "(#132001) Template name does not exist in the translation",
            WhatsAppErrorCodes.TemplateTextTooLong => "(#132005) Translated text too long",
            _ => "(#132012) Parameter format does not match format in the created template",
        },
        "OAuthException",
        problem.Code,
        problem.Details);

    /// <summary>
    /// What <c>GET /v1/configs/templates</c> answers: at most <paramref name="limit"/> templates from <paramref name="offset"/>, each as
    /// the file has it, and the <c>total</c> there are.
    /// </summary>
    public static byte[] TemplatesPage(IReadOnlyList<SandboxTemplate> all, int limit, int offset) => Write(json =>
    {
        var page = all.Skip(offset).Take(limit).ToList();
        json.WriteStartObject();
        json.WriteNumber("count", page.Count);
        json.WriteStartObject("filters");
        json.WriteEndObject();
        json.WriteNumber("limit", limit);
        json.WriteNumber("offset", offset);
        json.WriteStartArray("sort");
        json.WriteStringValue("id");
        json.WriteEndArray();
        json.WriteNumber("total", all.Count);
        json.WriteStartArray("waba_templates");
        foreach (var template in page)
        {
            template.Json.WriteTo(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A body over the size limit, as a Graph error (code 100).</summary>
    public static byte[] BodyTooLarge(long limit) =>
        GraphError("(#100) The request body is too large", "OAuthException", 100, $"The body is over the sandbox's limit of {limit} bytes.");

    /// <summary>A path the API does not serve, as Graph answers it (code 2500).</summary>
    public static byte[] UnknownPath(string path, string served) =>
        GraphError($"Unknown path components: {Shown(path)}", "OAuthException", 2500, $"The sandbox serves {served}.");

    /// <summary>A method a path does not take, as Graph answers it.</summary>
    public static byte[] UnsupportedMethod(string method, string allowed) =>
        GraphError($"(#100) Unsupported {method} request.", "GraphMethodException", 100, $"This path takes {allowed}.");

    public static byte[] Accepted(string to, string messageId) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("contacts");
        json.WriteStartObject();
        json.WriteString("input", to);
        json.WriteString("wa_id", to.TrimStart('+'));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("messages");
        json.WriteStartObject();
        json.WriteString("id", messageId);
        json.WriteString("message_status", WhatsAppMessageStatus.Accepted);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("messaging_product", "whatsapp");
        json.WriteEndObject();
    });

    /// <summary><c>{"id":"..."}</c>: what an upload and <c>POST /sandbox/inbound</c> answer.</summary>
    public static byte[] IdOnly(string id) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteEndObject();
    });

    /// <summary>What <c>POST /v1/configs/webhook</c> answers: the URL taken (the header values are secrets, not repeated).</summary>
    public static byte[] WebhookSet(SandboxWebhook webhook) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("url", webhook.Url.OriginalString);
        json.WriteEndObject();
    });

    /// <summary>What <c>GET /v1/configs/webhook</c> answers: the URL and headers as configured; no <c>url</c> when none is.</summary>
    public static byte[] WebhookConfig(SandboxWebhook? webhook) => Write(json =>
    {
        json.WriteStartObject();
        if (webhook is not null)
        {
            json.WriteString("url", webhook.Url.OriginalString);
        }

        json.WriteStartObject("headers");
        foreach (var (name, value) in webhook?.Headers ?? new Dictionary<string, string>())
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>What <c>GET /{media-id}</c> answers for an upload.</summary>
    public static byte[] MediaInfo(StoredMedia media, Uri downloadUrl) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("url", downloadUrl.AbsoluteUri);
        json.WriteString("mime_type", media.MimeType);
        json.WriteString("sha256", media.Sha256);
        json.WriteNumber("file_size", media.Bytes.Length);
        json.WriteString("id", media.Id);
        json.WriteString("messaging_product", "whatsapp");
        json.WriteEndObject();
    });

    /// <summary>A media id the sandbox does not know (never uploaded, or forgotten), as Graph answers an unknown object.</summary>
    public static byte[] UnknownMedia(string id) => GraphError(
        $"(#100) Unsupported get request. Object with ID '{Shown(id)}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
        "GraphMethodException",
        100,
        "No upload has this id, or the sandbox forgot it to stay within MaxRecorded and MaxStoredMediaBytes.");

    /// <summary>An id shaped like the API's: <c>wamid.</c> and base64 of random bytes (URL-safe, as ids end up in webhook URLs).</summary>
    public static string NewMessageId() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');

    /// <summary>A numeric id, as the API gives uploaded media.</summary>
    public static string NewMediaId() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Text from a request, fit to put in an answer: cut to <see cref="MaxShownLength"/> characters (never between the
    /// halves of a character), control characters shown as '?'.
    /// </summary>
    public static string Shown(string text)
    {
        var shown = text;
        if (text.Length > MaxShownLength)
        {
            var cut = char.IsHighSurrogate(text[MaxShownLength - 1]) ? MaxShownLength - 1 : MaxShownLength;
            shown = text[..cut] + "…";
        }

        return string.Create(shown.Length, shown, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string NewTraceId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'A').Replace('/', 'B');
}
