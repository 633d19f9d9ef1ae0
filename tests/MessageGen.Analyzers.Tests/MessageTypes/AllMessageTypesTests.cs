using System.Text.Json;

namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// Every message schema the package ships, all in one compilation as a user's build has them: each has a test class
/// here, valid messages of every type are quiet, and each type's rules still apply next to the others.
/// </summary>
public class AllMessageTypesTests
{
    public static TheoryData<string> ShippedSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var schema in Verify.ShippedMessageSchemas)
        {
            data.Add(schema);
        }

        return data;
    }

    [Fact]
    public void TheTestsSeeEveryShippedSchema()
    {
        Assert.Equal(
            new[]
            {
                Verify.AudioSchema, Verify.ContactsSchema, Verify.DocumentSchema, Verify.ImageSchema, Verify.InteractiveSchema,
                Verify.LocationSchema, Verify.ReactionSchema, Verify.StickerSchema, Verify.TextSchema, Verify.VideoSchema,
            }.Order(StringComparer.Ordinal),
            Verify.ShippedMessageSchemas);
    }

    /// <summary>A new schema in schema/ needs its own <c>{Title}Tests</c> class here, with must-flag and must-not-flag cases.</summary>
    [Theory]
    [MemberData(nameof(ShippedSchemas))]
    public void EveryShippedSchemaHasItsOwnTests(string schema)
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "schema", schema)), $"{schema} is not copied next to the tests.");
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Verify.RepositoryRoot, "schema", schema)));
        var title = document.RootElement.GetProperty("title").GetString();
        var tests = typeof(AllMessageTypesTests).Assembly.GetType($"{typeof(AllMessageTypesTests).Namespace}.{title}Tests");
        Assert.True(tests is not null, $"{schema}: no {title}Tests class in {typeof(AllMessageTypesTests).Namespace}.");
        var facts = tests!.GetMethods().Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0).Select(m => m.Name).ToList();
        Assert.Contains(facts, name => !name.EndsWith("_NotFlagged", StringComparison.Ordinal));
        Assert.Contains(facts, name => name.EndsWith("_NotFlagged", StringComparison.Ordinal));
    }

    [Fact]
    public Task ValidMessagesOfEveryType_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string To = "+4915112345678";
            MessageGen.IWhatsAppMessage[] All(string mediaId, Uri url, string wamid, string? caption) => new MessageGen.IWhatsAppMessage[]
            {
                TextMessage.Builder().WithTo(To).WithText(t => t.WithBody("Hello").WithPreviewUrl(true)).Build(),
                ImageMessage.Builder().WithTo(To).WithImage(i => i.WithId(mediaId).WithCaption("A photo")).Build(),
                AudioMessage.Builder().WithTo(To).WithAudio(a => a.WithLink(url)).Build(),
                DocumentMessage.Builder().WithTo(To).WithDocument(d => d.WithLink("https://example.com/a.pdf").WithFilename("a.pdf").WithCaption(caption)).Build(),
                StickerMessage.Builder().WithTo(To).WithSticker(s => s.WithId(mediaId)).Build(),
                VideoMessage.Builder().WithTo(To).WithVideo(v => v.WithId(mediaId).WithCaption("A video")).Build(),
                LocationMessage.Builder().WithTo(To).WithLocation(l => l.WithLatitude(-90).WithLongitude(180).WithName("Pole")).Build(),
                ContactsMessage.Builder().WithTo(To).WithContacts(new[] { new ContactCard { Name = new ContactName { FormattedName = "Anna" } } }).Build(),
                ReactionMessage.Builder().WithTo(To).WithReaction(r => r.WithMessageId(wamid).WithEmoji("")).Build(),
                InteractiveMessage.Builder()
                    .WithTo(To)
                    .WithInteractive(ButtonInteractive.Builder()
                        .WithHeader(VideoHeader.Builder().WithVideo(v => v.WithLink(url)).Build())
                        .WithBody(b => b.WithText("Pick one"))
                        .WithAction(a => a.WithButtons([ReplyButton.Builder().WithReply(r => r.WithId("yes").WithTitle("Yes")).Build()]))
                        .Build())
                    .Build(),
                new LocationMessage { To = To, Location = new LocationContent { Latitude = 90.0, Longitude = -180 } },
                new ImageMessage { To = To, Image = new ImageMedia { Link = "https://example.com/a.png", Caption = caption } },
            };
        """),
        Verify.ShippedMessageSchemas.ToArray());

    [Fact]
    public Task OneViolationOfEveryType_AllSchemasTogether() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string To = "+4915112345678";
            MessageGen.IWhatsAppMessage[] All(string mediaId, string url) => new MessageGen.IWhatsAppMessage[]
            {
                TextMessage.Builder().WithTo(To).WithText(t => t.{|#0:WithBody("")|}).Build(),
                ImageMessage.Builder().WithTo(To).WithImage(i => i.WithId(mediaId).{|#1:WithLink(url)|}).Build(),
                AudioMessage.Builder().WithTo(To).WithAudio(a => a.{|#2:WithLink("http://example.com/a.ogg")|}).Build(),
                DocumentMessage.Builder().WithTo(To).WithDocument(d => d.{|#3:WithCaption("c")|}).Build(),
                StickerMessage.Builder().{|#4:WithTo("sticker")|}.WithSticker(s => s.WithId(mediaId)).Build(),
                VideoMessage.Builder().WithTo(To).WithVideo(v => v.WithId(mediaId).{|#5:WithCaption("{{new string('x', 1025)}}")|}).Build(),
                LocationMessage.Builder().WithTo(To).WithLocation(l => l.{|#6:WithLatitude(91)|}.WithLongitude(0)).Build(),
                ContactsMessage.Builder().WithTo(To).WithContacts(new[] { ContactCard.Builder().WithName(n => {|#7:n.WithFirstName("Anna")|}).Build() }).Build(),
                ReactionMessage.Builder().WithTo(To).WithReaction(r => {|#8:r.WithEmoji("👍")|}).Build(),
                InteractiveMessage.Builder()
                    .WithTo(To)
                    .WithInteractive(ButtonInteractive.Builder()
                        .WithBody(b => b.WithText("Pick one"))
                        .WithAction(a => a.WithButtons(new[] { ReplyButton.Builder().WithReply(r => r.WithId("yes").{|#9:WithTitle("{{new string('x', 21)}}")|}).Build() }))
                        .Build())
                    .Build(),
            };
        """),
        Verify.ShippedMessageSchemas.ToArray(),
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("body", 0, "at least 1"),
        Verify.Diagnostic("MG0001").WithLocation(1).WithArguments("link", "id", "ImageMedia").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "http://example.com/a.ogg", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0002").WithLocation(3).WithArguments("caption", "DocumentMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0005").WithLocation(4).WithArguments("to", "sticker", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(5).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0007").WithLocation(6).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0003").WithLocation(7).WithArguments("ContactName", "'formatted_name', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(8).WithArguments("ReactionContent", "'message_id', which the schema requires"),
        Verify.Diagnostic("MG0004").WithLocation(9).WithArguments("title", 21, "at most 20"));

    [Fact]
    public Task UsersOwnTypesWithTheSameNames_NotFlagged() => Verify.AnalyzerAsync(
        """
        using System;

        namespace MyApp.Model
        {
            // A user's own types, named like generated ones, with members named like schema members: not checked.
            public sealed class ImageMedia
            {
                public string? Id { get; init; }
                public string? Link { get; init; }
                public string? Caption { get; init; }
            }

            public sealed class ReplyButtonContent
            {
                public string? Id { get; init; }
                public string? Title { get; init; }
            }

            public sealed class ReplyButtonContentBuilder
            {
                public ReplyButtonContentBuilder WithId(string id) => this;
                public ReplyButtonContentBuilder WithTitle(string title) => this;
                public ReplyButtonContent Build() => new();
            }

            public static class Uses
            {
                public static object[] All() => new object[]
                {
                    new ImageMedia { Id = "1", Link = "http://example.com/a.png", Caption = "" },
                    new ImageMedia { Caption = "no media" },
                    new ReplyButtonContent { Id = "", Title = "a title of more than twenty characters" },
                    new ReplyButtonContentBuilder().WithTitle("a title of more than twenty characters").Build(),
                    new ReplyButtonContentBuilder().Build(),
                    new MessageGen.WhatsApp.ImageMedia { Id = "1" },
                    new { Latitude = 91, Title = "a title of more than twenty characters", Link = "http://example.com" },
                    (Latitude: 91.0, Longitude: 181.0),
                };
            }
        }

        namespace MessageGen.WhatsApp
        {
            // A user's addition to a generated builder: its own members carry no schema rules.
            public partial class ReplyButtonContentBuilder
            {
                public ReplyButtonContentBuilder WithShortTitle(string title) => WithTitle(title.Length > 20 ? title.Substring(0, 20) : title);
            }

            public static class MoreUses
            {
                public static ReplyButtonContent A() => ReplyButtonContent.Builder().WithId("1").WithShortTitle("a title of more than twenty characters").Build();
            }
        }
        """,
        Verify.ShippedMessageSchemas.ToArray());
}
