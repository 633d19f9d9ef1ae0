using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using MessageGen.WhatsApp;

namespace MessageGen.Benchmarks;

/// <summary>
/// Writing each message type: the generated <c>WriteTo</c> vs System.Text.Json source generation (relaxed encoder, nulls
/// left out) writing the same bytes into the same reused buffer. Both are read from the same request body first.
/// </summary>
[MemoryDiagnoser]
public class MessageTypeWriteBenchmarks
{
    private const string Envelope = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678",""";

    // Text within the BMP: System.Text.Json escapes supplementary characters (emoji) even with the relaxed encoder.
    private static readonly Dictionary<string, (string Body, Func<string, IWhatsAppMessage> Read, Func<StjMessageTypesContext, JsonTypeInfo> StjType)> Kinds = new()
    {
        ["text"] = (Body("text", """{"preview_url":true,"body":"Ihre Bestellung A-1042 ist unterwegs — schön! Verfolgen: https://example.com/track/A-1042"}"""), j => TextMessage.FromJson(j), c => c.StjTextMessage),
        ["image"] = (Body("image", """{"link":"https://cdn.example.com/images/floor-plan.png","caption":"Der Grundriss, Stand März"}"""), j => ImageMessage.FromJson(j), c => c.StjImageMessage),
        ["video"] = (Body("video", """{"link":"https://cdn.example.com/videos/clip-2026.mp4","caption":"Unser neues Video — schön, oder?"}"""), j => VideoMessage.FromJson(j), c => c.StjVideoMessage),
        ["audio"] = (Body("audio", """{"id":"1036431"}"""), j => AudioMessage.FromJson(j), c => c.StjAudioMessage),
        ["document"] = (Body("document", """{"link":"https://cdn.example.com/invoices/1042.pdf","caption":"Ihre Rechnung","filename":"rechnung-1042.pdf"}"""), j => DocumentMessage.FromJson(j), c => c.StjDocumentMessage),
        ["sticker"] = (Body("sticker", """{"id":"1036432"}"""), j => StickerMessage.FromJson(j), c => c.StjStickerMessage),
        ["location"] = (Body("location", """{"latitude":52.520008,"longitude":13.404954,"name":"Fernsehturm","address":"Panoramastraße 1A, 10178 Berlin"}"""), j => LocationMessage.FromJson(j), c => c.StjLocationMessage),
        ["reaction"] = (Body("reaction", """{"message_id":"wamid.HBgLNDkxNTExMjM0NTY3OBUCABIYFjNFQjBDMEQ1RjA4RjY0MUI3NjYA","emoji":"♥"}"""), j => ReactionMessage.FromJson(j), c => c.StjReactionMessage),
        ["contacts"] = (Body("contacts", """[{"emails":[{"email":"anna@example.com","type":"WORK"}],"name":{"formatted_name":"Anna Müller","first_name":"Anna","last_name":"Müller"},"org":{"company":"Example GmbH","title":"Managerin"},"phones":[{"phone":"+4915187654321","type":"CELL","wa_id":"4915187654321"}]}]"""), j => ContactsMessage.FromJson(j), c => c.StjContactsMessage),
        ["interactive-button"] = (Body("interactive", """{"type":"button","header":{"type":"text","text":"Lieferung"},"body":{"text":"Passt Ihnen Dienstag?"},"footer":{"text":"Antwort bis Freitag"},"action":{"buttons":[{"type":"reply","reply":{"id":"tuesday-yes","title":"Ja"}},{"type":"reply","reply":{"id":"tuesday-no","title":"Anderer Tag"}}]}}"""), j => InteractiveMessage.FromJson(j), c => c.StjButtonMessage),
        ["interactive-list"] = (Body("interactive", """{"type":"list","body":{"text":"Wählen Sie eine Uhrzeit"},"action":{"button":"Uhrzeiten","sections":[{"title":"Vormittag","rows":[{"id":"9","title":"9:00","description":"Empfang"},{"id":"11","title":"11:00"}]},{"title":"Nachmittag","rows":[{"id":"14","title":"14:00"}]}]}}"""), j => InteractiveMessage.FromJson(j), c => c.StjListMessage),
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private IWhatsAppMessage _message = null!;
    private object _stjMessage = null!;
    private JsonTypeInfo _stjType = null!;
    private Utf8JsonWriter _stjWriter = null!;

    [ParamsSource(nameof(KindNames))]
    public string Kind { get; set; } = "text";

    public static IEnumerable<string> KindNames => Kinds.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var (body, read, stjType) = Kinds[Kind];
        var context = new StjMessageTypesContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        });
        _message = read(body);
        _stjType = stjType(context);
        _stjMessage = JsonSerializer.Deserialize(body, _stjType)!;
        _stjWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

        // The comparison is only fair if both write the body they read, byte for byte.
        Generated();
        var generated = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        SystemTextJsonSourceGen();
        var stj = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        if (generated != body || stj != body)
        {
            throw new InvalidOperationException($"Outputs differ from the body:\n{body}\n{generated}\n{stj}");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public int SystemTextJsonSourceGen()
    {
        _buffer.ResetWrittenCount();
        _stjWriter.Reset(_buffer);
        JsonSerializer.Serialize(_stjWriter, _stjMessage, _stjType);
        _stjWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "MessageGen WriteTo")]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        _message.WriteTo(_buffer);
        return _buffer.WrittenCount;
    }

    private static string Body(string type, string content) => $$"""{{Envelope}}"type":"{{type}}","{{type}}":{{content}}}""";
}
