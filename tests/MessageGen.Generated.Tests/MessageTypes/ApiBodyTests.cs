using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests.MessageTypes;

/// <summary>
/// Every shipped message type reads the request bodies the API documents and writes them back byte for byte
/// (compact, members in the documented order).
/// </summary>
public class ApiBodyTests
{
    /// <summary>A request body as the API documents it: the envelope, the type, and that type's object.</summary>
    private static string Body(string type, string content) =>
        $$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"{{type}}","{{type}}":{{content}}}""";

    public static TheoryData<string, Func<string, IWhatsAppMessage>> Bodies => new()
    {
        { Body("text", """{"preview_url":true,"body":"Read https://example.com/news"}"""), j => TextMessage.FromJson(j) },
        { Body("text", """{"body":"Grüße 👋"}"""), j => TextMessage.FromJson(j) },
        { Body("image", """{"link":"https://example.com/a.png","caption":"The plan"}"""), j => ImageMessage.FromJson(j) },
        { Body("image", """{"id":"1036430"}"""), j => ImageMessage.FromJson(j) },
        { Body("audio", """{"id":"1036431"}"""), j => AudioMessage.FromJson(j) },
        { Body("audio", """{"link":"https://example.com/a.ogg"}"""), j => AudioMessage.FromJson(j) },
        { Body("document", """{"link":"https://example.com/i.pdf","caption":"Your invoice","filename":"invoice-1042.pdf"}"""), j => DocumentMessage.FromJson(j) },
        { Body("sticker", """{"id":"1036432"}"""), j => StickerMessage.FromJson(j) },
        { Body("location", """{"latitude":52.520008,"longitude":13.404954,"name":"Fernsehturm","address":"Panoramastraße 1A, 10178 Berlin"}"""), j => LocationMessage.FromJson(j) },
        { Body("location", """{"latitude":-90,"longitude":180}"""), j => LocationMessage.FromJson(j) },
        { Body("reaction", """{"message_id":"wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","emoji":"👍"}"""), j => ReactionMessage.FromJson(j) },
        { Body("reaction", """{"message_id":"wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","emoji":""}"""), j => ReactionMessage.FromJson(j) },
        {
            Body("contacts", """[{"addresses":[{"street":"1 Hacker Way","city":"Menlo Park","state":"CA","zip":"94025","country":"United States","country_code":"us","type":"HOME"}],"birthday":"2012-08-18","emails":[{"email":"anna@example.com","type":"WORK"}],"name":{"formatted_name":"Anna Example","first_name":"Anna","last_name":"Example"},"org":{"company":"Example GmbH","department":"Sales","title":"Manager"},"phones":[{"phone":"+4915112345678","type":"CELL","wa_id":"4915112345678"}],"urls":[{"url":"https://example.com","type":"WORK"}]}]"""),
            j => ContactsMessage.FromJson(j)
        },
        {
            Body("interactive", """{"type":"button","header":{"type":"image","image":{"link":"https://example.com/h.png"}},"body":{"text":"Does Tuesday work?"},"footer":{"text":"Reply by Friday"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}}"""),
            j => InteractiveMessage.FromJson(j)
        },
        {
            Body("interactive", """{"type":"list","header":{"type":"text","text":"Menu"},"body":{"text":"Pick a slot"},"action":{"button":"Slots","sections":[{"title":"Morning","rows":[{"id":"m9","title":"9:00","description":"Front desk"}]},{"title":"Afternoon","rows":[{"id":"a2","title":"14:00"}]}]}}"""),
            j => InteractiveMessage.FromJson(j)
        },
        {
            Body("interactive", """{"type":"cta_url","body":{"text":"Track your order"},"action":{"name":"cta_url","parameters":{"display_text":"Track","url":"https://example.com/orders/1042"}}}"""),
            j => InteractiveMessage.FromJson(j)
        },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_documented_body_reads_and_writes_back_unchanged(string body, Func<string, IWhatsAppMessage> read)
    {
        var message = read(body);

        Assert.Equal(body, message.ToJson());
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_documented_body_is_read_as_its_own_type_only(string body, Func<string, IWhatsAppMessage> read)
    {
        // Each type's "type" is a constant: a text body is not an image message, whatever else it holds.
        var type = read(body).GetType();
        var others = new Func<string, IWhatsAppMessage>[]
        {
            j => TextMessage.FromJson(j), j => ImageMessage.FromJson(j), j => AudioMessage.FromJson(j), j => DocumentMessage.FromJson(j),
            j => StickerMessage.FromJson(j), j => LocationMessage.FromJson(j), j => ReactionMessage.FromJson(j),
            j => ContactsMessage.FromJson(j), j => InteractiveMessage.FromJson(j), j => VideoMessage.FromJson(j),
        };

        var readers = others.Where(other => Violations.Of(() => other(body)).Count == 0).ToList();

        var reader = Assert.Single(readers);
        Assert.Equal(type, reader(body).GetType());
    }
}
