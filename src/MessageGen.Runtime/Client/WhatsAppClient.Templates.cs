using System.Globalization;
using System.Text.Json;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    private const string GetTemplatesOperation = "GET /v1/configs/templates";

    /// <summary>Templates asked for per request: a page of large templates (a few KB each) stays well within the 1 MiB answer the client reads.</summary>
    private const int TemplatesPageSize = 100;

    /// <summary>A bound on pages, so that an API that keeps answering full pages cannot keep the client reading forever.</summary>
    private const int MaxTemplatePages = 1000;

    /// <summary>
    /// Reads this number's message templates (<c>GET /v1/configs/templates</c>), page after page with <c>limit</c> and
    /// <c>offset</c> until <c>total</c> are read. A template met twice (the list changed between pages) is kept once.
    /// </summary>
    /// <exception cref="WhatsAppApiException">The API answered with an error.</exception>
    /// <exception cref="WhatsAppTransportException">No answer, or one that is not a templates list.</exception>
    public async Task<WhatsAppTemplates> GetTemplatesAsync(CancellationToken cancellationToken = default)
    {
        var templates = new List<WhatsAppTemplate>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        for (var page = 0; page < MaxTemplatePages; page++)
        {
            var uri = new Uri(_settings.TemplatesUri, string.Create(CultureInfo.InvariantCulture, $"?limit={TemplatesPageSize}&offset={offset}"));
            var (answer, attempts) = await ExecuteAsync(GetTemplatesOperation, HttpMethod.Get, uri, content: null, contentCanBeResent: true, cancellationToken).ConfigureAwait(false);
            List<JsonElement>? read;
            int? total;
            using (answer)
            {
                read = ReadTemplatesPage(answer.WrittenMemory, out total);
            }

            if (read is null)
            {
                throw _diagnostics.UnreadableSuccess(GetTemplatesOperation, "{\"waba_templates\":[...]}", attempts);
            }

            foreach (var template in read.Select(json => new WhatsAppTemplate(json)))
            {
                if (template.Id is null || seenIds.Add(template.Id))
                {
                    templates.Add(template);
                }
            }

            offset += read.Count;
            if (read.Count == 0 || (total is { } all ? offset >= all : read.Count < TemplatesPageSize))
            {
                break;
            }
        }

        return new WhatsAppTemplates(templates);
    }

    /// <summary>The templates of one answer (cloned, so they outlive its buffer) and its <c>total</c>; null when it is not a templates list.</summary>
    private static List<JsonElement>? ReadTemplatesPage(ReadOnlyMemory<byte> json, out int? total)
    {
        total = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("waba_templates", out var templates)
                || templates.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            if (root.TryGetProperty("total", out var totalValue) && totalValue.TryGetInt32(out var totalCount))
            {
                total = totalCount;
            }

            return templates.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object).Select(t => t.Clone()).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
