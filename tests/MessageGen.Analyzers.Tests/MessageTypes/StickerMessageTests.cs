namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/sticker-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class StickerMessageTests
{
    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Url = "https://example.com/file";
            StickerMedia A(string id) => StickerMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            StickerMedia B(string id, Uri url) => new StickerMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            StickerMedia C(string id, string url) => new StickerMedia { Id = id, {|MG0001:Link = url|} };
            StickerMessage D(string id) => StickerMessage.Builder()
                .WithTo("+4915112345678")
                .WithSticker(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            StickerMessage E(string id, string url) => new StickerMessage { To = "+4915112345678", Sticker = new StickerMedia { Link = url, {|MG0001:Id = id|} } };
            StickerMedia F(string id, string url)
            {
                var b = StickerMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.StickerSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "StickerMedia"));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            StickerMedia A() => StickerMedia.Builder().{|#0:Build()|};
            StickerMessage B() => StickerMessage.Builder().WithTo("+4915112345678").WithSticker(m => {|#1:m.WithId(null)|}).Build();
            StickerMedia C() => new {|#2:StickerMedia|} { };
        """),
        Verify.StickerSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("StickerMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("StickerMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("StickerMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            StickerMedia A() => StickerMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            StickerMedia B() => StickerMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            StickerMedia C() => new StickerMedia { {|#2:Link = "ftp://example.com/a"|} };
            StickerMedia D() => StickerMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Verify.StickerSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            StickerMessage A() => StickerMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithSticker(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Verify.StickerSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            StickerMessage A() => StickerMessage.Builder().WithTo("+4915112345678").WithSticker(m => m.WithId("1234567890")).Build();
            StickerMessage B() => StickerMessage.Builder().WithTo("4915112345678").WithSticker(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            StickerMedia C(string url) => new StickerMedia { Link = url };
            StickerMedia D(string id, string url) => StickerMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            StickerMedia E(bool upload, string id, string url) => upload ? StickerMedia.Builder().WithId(id).Build() : StickerMedia.Builder().WithLink(url).Build();
            StickerMedia F(string? id, string url) => new StickerMedia { Id = id, Link = id is null ? url : null };
        """),
        Verify.StickerSchema);
}
