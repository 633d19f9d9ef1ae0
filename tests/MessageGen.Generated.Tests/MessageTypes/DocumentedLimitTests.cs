using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests.MessageTypes;

/// <summary>
/// Each limit the API documents for a message type is rejected at <c>Build()</c> and by <c>FromJson</c>, with the path
/// of the member and the limit in the message; the value at the limit itself is accepted.
/// </summary>
public class DocumentedLimitTests
{
    private const string To = "4915112345678";

    public static TheoryData<string, Func<IWhatsAppMessage>, string, string> OverTheLimit => new()
    {
        { "text over 4,096", () => Text(new string('a', 4097)), "$.text.body", "4096" },
        { "empty text", () => Text(""), "$.text.body", "1" },
        { "image caption over 1,024", () => Image(new string('c', 1025)), "$.image.caption", "1024" },
        { "document caption over 1,024", () => Document(new string('c', 1025)), "$.document.caption", "1024" },
        { "latitude 91", () => Location(91, 0), "$.location.latitude", "90" },
        { "latitude -90.000001", () => Location(-90.000001, 0), "$.location.latitude", "-90" },
        { "longitude 180.5", () => Location(0, 180.5), "$.location.longitude", "180" },
        { "longitude -181", () => Location(0, -181), "$.location.longitude", "-180" },
        { "latitude NaN, which JSON cannot hold", () => Location(double.NaN, 0), "$.location.latitude", "finite" },
        { "longitude infinity", () => Location(0, double.PositiveInfinity), "$.location.longitude", "finite" },
        { "a reaction without the message", () => ReactionMessage.Builder().WithTo(To).WithReaction(r => r.WithEmoji("👍")).Build(), "$.reaction.message_id", "message_id" },
        { "a sticker with both id and link", () => StickerMessage.Builder().WithTo(To).WithSticker(s => s.WithId("1").WithLink("https://example.com/s.webp")).Build(), "$.sticker", "id" },
        { "audio with neither id nor link", () => AudioMessage.Builder().WithTo(To).WithAudio(a => a).Build(), "$.audio", "id" },
        { "a recipient that is not a number", () => TextMessage.Builder().WithTo("anna").WithText(t => t.WithBody("hi")).Build(), "$.to", "pattern" },
    };

    public static TheoryData<string, Func<IWhatsAppMessage>> AtTheLimit => new()
    {
        { "text of 4,096", () => Text(new string('a', 4096)) },
        { "image caption of 1,024", () => Image(new string('c', 1024)) },
        { "document caption of 1,024", () => Document(new string('c', 1024)) },
        { "latitude 90, longitude -180", () => Location(90, -180) },
        { "latitude -90, longitude 180", () => Location(-90, 180) },
        { "an empty emoji, which removes a reaction", () => ReactionMessage.Builder().WithTo(To).WithReaction(r => r.WithMessageId("wamid.1").WithEmoji("")).Build() },
    };

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public void Build_rejects_a_value_over_the_limit(string limit, Func<IWhatsAppMessage> build, string path, string mentioned)
    {
        var violations = Violations.Of(() => build());

        Assert.True(violations.Count > 0, $"{limit}: Build() accepted it.");
        var violation = Assert.Single(violations, v => v.Path == path);
        Assert.Contains(mentioned, violation.Message);
    }

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public void Build_accepts_a_value_at_the_limit_and_FromJson_reads_what_it_writes(string limit, Func<IWhatsAppMessage> build)
    {
        var message = build();

        var json = message.ToJson();
        var reread = (IWhatsAppMessage)message.GetType().GetMethod("FromJson", [typeof(string)])!.Invoke(null, [json])!;
        Assert.True(json == reread.ToJson(), limit);
    }

    [Fact]
    public void FromJson_rejects_what_Build_rejects_with_the_same_paths()
    {
        const string body = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive","interactive":{"type":"button","body":{"text":"Pick"},"action":{"buttons":[{"type":"reply","reply":{"id":"1","title":"One"}},{"type":"reply","reply":{"id":"2","title":"Two"}},{"type":"reply","reply":{"id":"3","title":"Three"}},{"type":"reply","reply":{"id":"4","title":"A title over twenty chars"}}]}}}""";

        var paths = Violations.Of(() => InteractiveMessage.FromJson(body)).Select(v => v.Path);

        Assert.Equal(["$.interactive.action.buttons", "$.interactive.action.buttons[3].reply.title"], paths);
    }

    [Fact]
    public void FromJson_rejects_a_latitude_out_of_range_and_a_member_the_type_does_not_have()
    {
        const string body = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"sticker","sticker":{"id":"1","caption":"no captions on stickers"}}""";
        const string location = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"location","location":{"latitude":91,"longitude":0}}""";

        Assert.Equal("$.sticker.caption", Assert.Single(Violations.Of(() => StickerMessage.FromJson(body))).Path);
        Assert.Equal("$.location.latitude", Assert.Single(Violations.Of(() => LocationMessage.FromJson(location))).Path);
    }

    private static TextMessage Text(string body) => TextMessage.Builder().WithTo(To).WithText(t => t.WithBody(body)).Build();

    private static ImageMessage Image(string caption) =>
        ImageMessage.Builder().WithTo(To).WithImage(i => i.WithId("1036430").WithCaption(caption)).Build();

    private static DocumentMessage Document(string caption) =>
        DocumentMessage.Builder().WithTo(To).WithDocument(d => d.WithLink("https://example.com/i.pdf").WithCaption(caption).WithFilename("i.pdf")).Build();

    private static LocationMessage Location(double latitude, double longitude) =>
        LocationMessage.Builder().WithTo(To).WithLocation(l => l.WithLatitude(latitude).WithLongitude(longitude)).Build();
}
