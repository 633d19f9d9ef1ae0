using System.Text.Json;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>
/// The builder methods beyond <c>With</c>: <c>Add{Singular}</c> for array members (an item, or one set up on its
/// builder) and <c>With{Alternative}</c> for members whose type is a union.
/// </summary>
public class BuilderCollectionTests
{
    private const string To = "4915112345678";

    [Fact]
    public void Add_appends_items_in_the_order_of_the_calls()
    {
        var action = new ButtonActionBuilder()
            .AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes")))
            .AddButton(b => b.WithReply(r => r.WithId("no").WithTitle("No")))
            .AddButton(ReplyButton.Builder().WithReply(r => r.WithId("later").WithTitle("Later")).Build())
            .Build();

        Assert.Equal(["yes", "no", "later"], action.Buttons.Select(b => b.Reply.Id));
        Assert.Equal(
            """{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}},{"type":"reply","reply":{"id":"later","title":"Later"}}]}""",
            action.ToJson());
    }

    [Fact]
    public void With_replaces_the_list_and_Add_after_it_appends_to_the_replaced_list()
    {
        var builder = new ButtonActionBuilder()
            .AddButton(Button("dropped"))
            .WithButtons([Button("a"), Button("b")])
            .AddButton(Button("c"));

        Assert.Equal(["a", "b", "c"], builder.Build().Buttons.Select(b => b.Reply.Id));
        Assert.Equal(["d"], builder.WithButtons([Button("d")]).Build().Buttons.Select(b => b.Reply.Id));
    }

    [Fact]
    public void With_null_clears_the_list_and_Add_starts_a_new_one()
    {
        var labels = Measurement.Builder().WithLatitude(0).WithLongitude(0).AddLabel("a").WithLabels(null);
        Assert.Null(labels.Build().Labels);

        Assert.Equal(["b"], labels.AddLabel("b").Build().Labels);
    }

    [Fact]
    public void A_builder_used_again_after_Build_does_not_change_the_messages_it_built()
    {
        var source = new List<ReplyButton> { Button("a") };
        var builder = new ButtonActionBuilder().WithButtons(source);
        var first = builder.Build();

        builder.AddButton(Button("b"));
        source.Add(Button("x"));
        var second = builder.Build();
        builder.AddButton(Button("c"));

        Assert.Equal(["a"], first.Buttons.Select(b => b.Reply.Id));
        Assert.Equal(["a", "b"], second.Buttons.Select(b => b.Reply.Id));
        Assert.Equal(["a", "b", "c"], builder.Build().Buttons.Select(b => b.Reply.Id));
        Assert.NotSame(first.Buttons, second.Buttons);
    }

    [Fact]
    public void Nested_Add_methods_build_a_list_message()
    {
        var message = InteractiveMessage.Builder()
            .WithTo(To)
            .WithListInteractive(l => l
                .WithHeader(h => h.WithText("Menu"))
                .WithBody(b => b.WithText("Pick one"))
                .WithAction(a => a
                    .WithButton("Open")
                    .AddSection(s => s.WithTitle("A").AddRow(r => r.WithId("1").WithTitle("One")).AddRow(r => r.WithId("2").WithTitle("Two").WithDescription("2nd")))
                    .AddSection(s => s.WithTitle("B").AddRow(r => r.WithId("3").WithTitle("Three")))))
            .Build();

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive","interactive":{"type":"list","header":{"type":"text","text":"Menu"},"body":{"text":"Pick one"},"action":{"button":"Open","sections":[{"title":"A","rows":[{"id":"1","title":"One"},{"id":"2","title":"Two","description":"2nd"}]},{"title":"B","rows":[{"id":"3","title":"Three"}]}]}}}""",
            message.ToJson());
        Assert.Equal(message.ToJson(), InteractiveMessage.FromJson(message.ToJson()).ToJson());
    }

    [Fact]
    public void Contacts_are_added_with_their_phones()
    {
        var message = ContactsMessage.Builder()
            .WithTo(To)
            .AddContact(c => c
                .WithName(n => n.WithFormattedName("Anna"))
                .AddPhone(p => p.WithPhone("+4915112345678").WithType("CELL"))
                .AddPhone(p => p.WithPhone("+493012345678").WithType("WORK"))
                .AddEmail(e => e.WithEmail("anna@example.com")))
            .AddContact(c => c.WithName(n => n.WithFormattedName("Ben")).AddUrl(u => u.WithUrl("https://example.com")))
            .Build();

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"contacts","contacts":[{"emails":[{"email":"anna@example.com"}],"name":{"formatted_name":"Anna"},"phones":[{"phone":"+4915112345678","type":"CELL"},{"phone":"+493012345678","type":"WORK"}]},{"name":{"formatted_name":"Ben"},"urls":[{"url":"https://example.com"}]}]}""",
            message.ToJson());
    }

    [Fact]
    public void With_an_alternative_sets_a_union_member_to_that_alternative()
    {
        var message = InteractiveMessage.Builder()
            .WithTo(To)
            .WithButtonInteractive(i => i
                .WithImageHeader(h => h.WithImage(image => image.WithLink("https://example.com/menu.png")))
                .WithBody(b => b.WithText("Pick one"))
                .WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes")))))
            .Build();

        var interactive = Assert.IsType<ButtonInteractive>(message.Interactive);
        Assert.IsType<ImageHeader>(interactive.Header);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive","interactive":{"type":"button","header":{"type":"image","image":{"link":"https://example.com/menu.png"}},"body":{"text":"Pick one"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}}]}}}""",
            message.ToJson());
    }

    [Fact]
    public void The_last_alternative_set_wins()
    {
        var builder = new CtaUrlInteractiveBuilder()
            .WithTextHeader(h => h.WithText("Menu"))
            .WithDocumentHeader(h => h.WithDocument(d => d.WithId("42").WithFilename("menu.pdf")))
            .WithBody(b => b.WithText("See the menu"))
            .WithAction(a => a.WithParameters(p => p.WithDisplayText("Open").WithUrl("https://example.com/menu")));

        Assert.Equal(
            """{"type":"cta_url","header":{"type":"document","document":{"id":"42","filename":"menu.pdf"}},"body":{"text":"See the menu"},"action":{"name":"cta_url","parameters":{"display_text":"Open","url":"https://example.com/menu"}}}""",
            builder.Build().ToJson());
        Assert.Equal(
            """{"type":"text","text":"Menu"}""",
            builder.WithTextHeader(h => h.WithText("Menu")).Build().Header!.ToJson());
        Assert.Null(builder.WithHeader(null).Build().Header);
    }

    [Fact]
    public void Build_checks_what_Add_and_the_alternatives_set_at_their_paths()
    {
        var error = Assert.Throws<MessageValidationException>(() => InteractiveMessage.Builder()
            .WithTo(To)
            .WithButtonInteractive(i => i
                .WithBody(b => b.WithText("Pick one"))
                .WithAction(a => a
                    .AddButton(b => b.WithReply(r => r.WithId("1").WithTitle("Twenty-one characters")))
                    .AddButton(Button("2"))
                    .AddButton(Button("3"))
                    .AddButton(b => b.WithReply(r => r.WithTitle("Four")))))
            .Build());

        Assert.Equal(
            [
                new ValidationError("$.interactive.action.buttons", "'buttons' has 4 items; the maximum is 3."),
                new ValidationError("$.interactive.action.buttons[0].reply.title", "'title' is 21 characters long; the maximum is 20."),
                new ValidationError("$.interactive.action.buttons[3].reply.id", "Required member 'id' is missing."),
            ],
            error.Errors.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Add_takes_items_of_every_kind()
    {
        EventLog log;
        using (var document = JsonDocument.Parse("""{"n":[1,2]}"""))
        {
            // Copied out of the document, which is disposed before the message is written.
            log = EventLog.Builder().WithPayload([Json("true")]).AddTag(document.RootElement).AddTag(Json("1")).AddRow([Json("\"a\"")]).Build();
        }

        Assert.Equal("""{"payload":[true],"tags":[{"n":[1,2]},1],"rows":[["a"]]}""", log.ToJson());
        Assert.Equal([1.5, 2], Measurement.Builder().WithLatitude(0).WithLongitude(0).AddReading(1.5).AddReading(2).Build().Readings);
        Assert.Equal([true], Consent.Builder().WithAccepted(true).AddConfirmation(true).Build().Confirmations);

        var notice = Notice.Builder().WithTo("1").WithContent(new ButtonContent { Label = "ok" }).AddEvent(new OpenedEvent { At = 3 }).Build();
        Assert.Equal("""{"to":"1","content":{"type":"button","label":"ok"},"events":[{"kind":"opened","at":3}]}""", notice.ToJson());
    }

    [Fact]
    public void Add_refuses_a_null_item_or_a_null_setup()
    {
        var builder = new ButtonActionBuilder();

        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => builder.AddButton((ReplyButton)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddButton((Func<ReplyButtonBuilder, ReplyButtonBuilder>)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => new InteractiveMessageBuilder().WithButtonInteractive(null!)).ParamName);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => Measurement.Builder().AddLabel(null!)).ParamName);
    }

    private static ReplyButton Button(string id) => ReplyButton.Builder().WithReply(r => r.WithId(id).WithTitle(id)).Build();

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
