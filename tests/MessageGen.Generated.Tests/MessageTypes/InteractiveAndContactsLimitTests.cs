using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests.MessageTypes;

/// <summary>
/// The documented limits of interactive and contacts messages, built with the nested builders so that
/// <c>Build()</c> checks the whole message and reports paths from its root.
/// </summary>
public class InteractiveAndContactsLimitTests
{
    private const string To = "4915112345678";

    public static TheoryData<string, Func<IWhatsAppMessage>, string, string> OverTheLimit => new()
    {
        { "a fourth reply button", () => Buttons(4, "Yes"), "$.interactive.action.buttons", "3" },
        { "no reply button", () => Buttons(0, "Yes"), "$.interactive.action.buttons", "buttons" },
        { "a button title over 20", () => Buttons(1, new string('t', 21)), "$.interactive.action.buttons[0].reply.title", "20" },
        { "a button id over 256", () => ButtonWithId(new string('i', 257)), "$.interactive.action.buttons[0].reply.id", "256" },
        { "a button body over 1,024", () => ButtonsWith(body: new string('b', 1025)), "$.interactive.body.text", "1024" },
        { "a header over 60", () => ButtonsWith(header: new string('h', 61)), "$.interactive.header.text", "60" },
        { "a footer over 60", () => ButtonsWith(footer: new string('f', 61)), "$.interactive.footer.text", "60" },
        { "a list button over 20", () => List(button: new string('b', 21)), "$.interactive.action.button", "20" },
        { "eleven sections", () => List(sections: 11), "$.interactive.action.sections", "10" },
        { "a row title over 24", () => List(rowTitle: new string('r', 25)), "$.interactive.action.sections[0].rows[0].title", "24" },
        { "a row description over 72", () => List(rowDescription: new string('d', 73)), "$.interactive.action.sections[0].rows[0].description", "72" },
        { "a row id over 200", () => List(rowId: new string('i', 201)), "$.interactive.action.sections[0].rows[0].id", "200" },
        { "a section title over 24", () => List(sectionTitle: new string('s', 25)), "$.interactive.action.sections[0].title", "24" },
        { "a CTA text over 20", () => CtaUrl(new string('t', 21), "https://example.com"), "$.interactive.action.parameters.display_text", "20" },
        { "a CTA URL that is not a URI", () => CtaUrl("Open", "example dot com"), "$.interactive.action.parameters.url", "URI" },
        { "a header image with both id and link", () => ImageHeader(i => i.WithId("1").WithLink("https://example.com/h.png")), "$.interactive.header.image", "id" },
        { "a contact without a formatted name", () => Contact(null), "$.contacts[0].name.formatted_name", "formatted_name" },
        { "no contact", () => ContactsMessage.Builder().WithTo(To).WithContacts([]).Build(), "$.contacts", "1" },
        { "a birthday that is not a date", () => ContactsMessage.Builder().WithTo(To).AddContact(c => c.WithName(n => n.WithFormattedName("Anna")).WithBirthday("18.08.2012")).Build(), "$.contacts[0].birthday", "pattern" },
    };

    public static TheoryData<string, Func<IWhatsAppMessage>> AtTheLimit => new()
    {
        { "three reply buttons of 20", () => Buttons(3, new string('t', 20)) },
        { "a button id of 256", () => ButtonWithId(new string('i', 256)) },
        { "body 1,024, header and footer 60", () => ButtonsWith(body: new string('b', 1024), header: new string('h', 60), footer: new string('f', 60)) },
        { "ten sections, row limits", () => List(button: new string('b', 20), sections: 10, rowTitle: new string('r', 24), rowDescription: new string('d', 72), rowId: new string('i', 200), sectionTitle: new string('s', 24)) },
        { "a CTA text of 20", () => CtaUrl(new string('t', 20), "https://example.com/a?b=c") },
        { "a header image by link", () => ImageHeader(i => i.WithLink("https://example.com/h.png")) },
        { "a contact with only a formatted name", () => Contact("Anna") },
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
    public void The_builders_write_the_documented_reply_buttons_body()
    {
        var message = InteractiveMessage.Builder().WithTo(To)
            .WithButtonInteractive(i => i
                .WithImageHeader(h => h.WithImage(x => x.WithLink("https://example.com/h.png")))
                .WithBody(b => b.WithText("Does Tuesday work?"))
                .WithFooter(f => f.WithText("Reply by Friday"))
                .WithAction(a => a
                    .AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes")))
                    .AddButton(b => b.WithReply(r => r.WithId("no").WithTitle("No")))))
            .Build();

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive","interactive":{"type":"button","header":{"type":"image","image":{"link":"https://example.com/h.png"}},"body":{"text":"Does Tuesday work?"},"footer":{"text":"Reply by Friday"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}}}""",
            message.ToJson());
    }

    private static InteractiveMessage Buttons(int count, string title) =>
        InteractiveMessage.Builder().WithTo(To).WithButtonInteractive(i =>
        {
            i.WithBody(b => b.WithText("Pick one"));
            return i.WithAction(a =>
            {
                for (var k = 1; k <= count; k++)
                {
                    var id = $"b{k}";
                    a.AddButton(b => b.WithReply(r => r.WithId(id).WithTitle(title)));
                }

                return a;
            });
        }).Build();

    private static InteractiveMessage ButtonWithId(string id) =>
        InteractiveMessage.Builder().WithTo(To).WithButtonInteractive(i => i
            .WithBody(b => b.WithText("Pick one"))
            .WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId(id).WithTitle("Yes")))))
            .Build();

    private static InteractiveMessage ButtonsWith(string body = "Pick one", string? header = null, string? footer = null) =>
        InteractiveMessage.Builder().WithTo(To).WithButtonInteractive(i =>
        {
            i.WithBody(b => b.WithText(body)).WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes"))));
            if (header is not null)
            {
                i.WithTextHeader(h => h.WithText(header));
            }

            return footer is null ? i : i.WithFooter(f => f.WithText(footer));
        }).Build();

    private static InteractiveMessage ImageHeader(Func<HeaderImageBuilder, HeaderImageBuilder> image) =>
        InteractiveMessage.Builder().WithTo(To).WithButtonInteractive(i => i
            .WithImageHeader(h => h.WithImage(image))
            .WithBody(b => b.WithText("Pick one"))
            .WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes")))))
            .Build();

    private static InteractiveMessage List(
        string button = "Slots", int sections = 1, string rowTitle = "9:00", string? rowDescription = null, string rowId = "m9", string sectionTitle = "Morning") =>
        InteractiveMessage.Builder().WithTo(To).WithListInteractive(i => i
            .WithBody(b => b.WithText("Pick a slot"))
            .WithAction(a =>
            {
                a.WithButton(button);
                for (var s = 0; s < sections; s++)
                {
                    a.AddSection(x => x.WithTitle(sectionTitle).AddRow(r => r.WithId(rowId).WithTitle(rowTitle).WithDescription(rowDescription)));
                }

                return a;
            }))
            .Build();

    private static InteractiveMessage CtaUrl(string text, string url) =>
        InteractiveMessage.Builder().WithTo(To).WithCtaUrlInteractive(i => i
            .WithBody(b => b.WithText("Track your order"))
            .WithAction(a => a.WithParameters(p => p.WithDisplayText(text).WithUrl(url))))
            .Build();

    private static ContactsMessage Contact(string? formattedName) =>
        ContactsMessage.Builder().WithTo(To)
            .AddContact(c => c.WithName(n => n.WithFormattedName(formattedName).WithFirstName("Anna")))
            .Build();
}
