using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>
/// Schemas/photo-message.schema.json is not known to the generator in any way: these tests show that a second
/// message type gets working types, builders, serializers and checks from its schema alone.
/// </summary>
public class SecondSchemaTests
{
    [Fact]
    public void An_image_message_builds_and_serializes_every_value_kind()
    {
        var message = PhotoMessage.Builder()
            .WithTo("4915112345678")
            .WithImage(i => i.WithLink("https://example.com/a.png").WithCaption("Hi"))
            .WithTags(new[] { "promo", "receipt" })
            .WithPriority(-3)
            .WithPreview(true)
            .WithRatio(1.5)
            .Build();

        const string expected = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"image","image":{"link":"https://example.com/a.png","caption":"Hi"},"tags":["promo","receipt"],"priority":-3,"preview":true,"ratio":1.5}""";
        Assert.Equal(expected, message.ToJson());
        Assert.Equal(expected, PhotoMessage.FromJson(expected).ToJson());
    }

    [Fact]
    public void DependentRequired_enum_and_maxItems_are_checked()
    {
        var error = Assert.Throws<MessageValidationException>(() => PhotoMessage.Builder()
            .WithTo("4915112345678")
            .WithImage(i => i.WithId("1").WithCaption("needs a link"))
            .WithTags(new[] { "promo", "spam", "support" })
            .Build());

        Assert.Equal(
            new[]
            {
                new ValidationError("$.image.caption", "'caption' is set, so 'link' must be set too. Set them or remove 'caption'."),
                new ValidationError("$.tags", "'tags' has 3 items; the maximum is 2."),
                new ValidationError("$.tags[1]", "'item [1]' must be one of \"promo\", \"receipt\", \"support\" but is \"spam\"."),
            },
            error.Errors);
    }

    [Fact]
    public void Optional_members_that_are_absent_are_left_out()
    {
        var message = PhotoMessage.Builder().WithTo("4915112345678").WithImage(i => i.WithId("7")).Build();

        Assert.Equal("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"image","image":{"id":"7"}}""", message.ToJson());
    }
}
