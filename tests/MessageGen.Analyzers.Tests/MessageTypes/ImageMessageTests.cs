namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/image-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0002 and MG0004 on the caption,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class ImageMessageTests
{
    private static readonly string LongCaption = new('x', 1025);

    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Url = "https://example.com/file";
            ImageMedia A(string id) => ImageMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            ImageMedia B(string id, Uri url) => new ImageMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            ImageMedia C(string id, string url) => new ImageMedia { Id = id, {|MG0001:Link = url|} };
            ImageMessage D(string id) => ImageMessage.Builder()
                .WithTo("+4915112345678")
                .WithImage(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            ImageMessage E(string id, string url) => new ImageMessage { To = "+4915112345678", Image = new ImageMedia { Link = url, {|MG0001:Id = id|} } };
            ImageMedia F(string id, string url)
            {
                var b = ImageMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "ImageMedia"));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageMedia A() => ImageMedia.Builder().{|#0:Build()|};
            ImageMessage B() => ImageMessage.Builder().WithTo("+4915112345678").WithImage(m => {|#1:m.WithId(null)|}).Build();
            ImageMedia C() => new {|#2:ImageMedia|} { };
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ImageMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ImageMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("ImageMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task CaptionWithoutIdOrLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageMedia A() => ImageMedia.Builder().{|#0:WithCaption("Look")|}.Build();
            ImageMedia B() => new ImageMedia { {|#1:Caption = "Look"|} };
            ImageMessage C() => ImageMessage.Builder()
                .WithTo("+4915112345678")
                .WithImage(m => m.{|#2:WithCaption("Look")|})
                .Build();
            ImageMedia D(string id) => ImageMedia.Builder().WithId(id).{|#3:WithCaption("Look")|}.WithId(null).Build();
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", "ImageMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("caption", "ImageMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(2).WithArguments("caption", "ImageMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(3).WithArguments("caption", "ImageMedia", "'id' or 'link'"));

    [Fact]
    public Task CaptionOverMaxLength() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Long = "{{LongCaption}}";
            ImageMedia A(string id) => ImageMedia.Builder().WithId(id).{|#0:WithCaption(Long)|}.Build();
            ImageMedia B(string id) => new ImageMedia { Id = id, {|#1:Caption = $"{Long}"|} };
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("caption", 1025, "at most 1024"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageMedia A() => ImageMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            ImageMedia B() => ImageMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            ImageMedia C() => new ImageMedia { {|#2:Link = "ftp://example.com/a"|} };
            ImageMedia D() => ImageMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageMessage A() => ImageMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithImage(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Verify.ImageSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageMessage A() => ImageMessage.Builder().WithTo("+4915112345678").WithImage(m => m.WithId("1234567890")).Build();
            ImageMessage B() => ImageMessage.Builder().WithTo("4915112345678").WithImage(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            ImageMedia C(string url) => new ImageMedia { Link = url };
            ImageMedia D(string id, string url) => ImageMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            ImageMedia E(bool upload, string id, string url) => upload ? ImageMedia.Builder().WithId(id).Build() : ImageMedia.Builder().WithLink(url).Build();
            ImageMedia F(string? id, string url) => new ImageMedia { Id = id, Link = id is null ? url : null };
        """),
        Verify.ImageSchema);

    [Fact]
    public Task CaptionWithMedia_AtTheLimit_OrAtRunTime_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Max = "{{new string('x', 1024)}}";
            ImageMedia A(string id) => ImageMedia.Builder().WithCaption(Max).WithId(id).Build();
            ImageMedia B(string url) => new ImageMedia { Caption = Max, Link = url };
            ImageMedia C(string id, string caption) => ImageMedia.Builder().WithId(id).WithCaption(caption + Max).Build();
            ImageMedia D(string? caption) => ImageMedia.Builder().WithLink("https://example.com/a").WithCaption(caption).Build();
            ImageMedia E() => ImageMedia.Builder().WithCaption(null).WithId("1").Build();
        """),
        Verify.ImageSchema);
}
