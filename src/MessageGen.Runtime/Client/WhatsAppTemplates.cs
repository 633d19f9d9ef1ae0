using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MessageGen;

/// <summary>
/// The message templates of a sender number (<c>GET /v1/configs/templates</c>), every page read: each template as the API
/// gave it, and <see cref="ToJson"/> to save them in the API's own shape.
/// </summary>
public sealed class WhatsAppTemplates
{
    /// <summary>The page size of the API's answer when it holds every template at once.</summary>
    private const int OnePageLimit = 1000;

    internal WhatsAppTemplates(IReadOnlyList<WhatsAppTemplate> templates) => Templates = templates;

    /// <summary>Every template, approved or not, in the API's order.</summary>
    public IReadOnlyList<WhatsAppTemplate> Templates { get; }

    /// <summary>How many of them are approved: those that can be sent.</summary>
    public int ApprovedCount => Templates.Count(template => template.IsApproved);

    /// <summary>
    /// The templates as one answer of the API: <c>{"count":N,"filters":{},"limit":...,"offset":0,"sort":["id"],"total":N,"waba_templates":[...]}</c>,
    /// with <c>count</c> and <c>total</c> both the number of templates. Indented, it diffs well when committed.
    /// </summary>
    /// <param name="indented">Whether to indent (for a file) or write compactly.</param>
    public string ToJson(bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("count", Templates.Count);
            json.WriteStartObject("filters");
            json.WriteEndObject();
            json.WriteNumber("limit", Math.Max(Templates.Count, OnePageLimit));
            json.WriteNumber("offset", 0);
            json.WriteStartArray("sort");
            json.WriteStringValue("id");
            json.WriteEndArray();
            json.WriteNumber("total", Templates.Count);
            json.WriteStartArray("waba_templates");
            foreach (var template in Templates)
            {
                template.Json.WriteTo(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>One message template, as the API describes it.</summary>
public sealed class WhatsAppTemplate
{
    internal WhatsAppTemplate(JsonElement json)
    {
        Json = json;
        Name = Text("name") ?? "";
        Language = Text("language") ?? "";
        Status = Text("status") ?? "";
        Category = Text("category");
        Id = Text("id");

        string? Text(string member) => json.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The template's name, such as <c>order_shipped</c>.</summary>
    public string Name { get; }

    /// <summary>The translation's language code, such as <c>en_US</c>.</summary>
    public string Language { get; }

    /// <summary>The API's status string: <c>approved</c>, <c>pending</c>, <c>rejected</c>, <c>paused</c>, ... (others may appear).</summary>
    public string Status { get; }

    /// <summary>The category, such as <c>MARKETING</c> or <c>UTILITY</c>; null when the API gives none.</summary>
    public string? Category { get; }

    /// <summary>The API's id of the template; null when it gives none.</summary>
    public string? Id { get; }

    /// <summary>Whether it can be sent.</summary>
    public bool IsApproved => Status.Equals("approved", StringComparison.OrdinalIgnoreCase);

    /// <summary>The template as the API gave it, compact.</summary>
    public string RawJson => Json.GetRawText();

    internal JsonElement Json { get; }

    /// <summary>Name, language and status, e.g. <c>order_shipped en_US approved</c>.</summary>
    public override string ToString() => $"{Name} {Language} {Status}";
}
