namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/video-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0002 and MG0004 on the caption,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class VideoMessageTests
{
    private static readonly string LongCaption = new('x', 1025);

    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Url = "https://example.com/file";
            VideoMedia A(string id) => VideoMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            VideoMedia B(string id, Uri url) => new VideoMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            VideoMedia C(string id, string url) => new VideoMedia { Id = id, {|MG0001:Link = url|} };
            VideoMessage D(string id) => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            VideoMessage E(string id, string url) => new VideoMessage { To = "+4915112345678", Video = new VideoMedia { Link = url, {|MG0001:Id = id|} } };
            VideoMedia F(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "VideoMedia"));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|#0:Build()|};
            VideoMessage B() => VideoMessage.Builder().WithTo("+4915112345678").WithVideo(m => {|#1:m.WithId(null)|}).Build();
            VideoMedia C() => new {|#2:VideoMedia|} { };
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("VideoMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("VideoMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("VideoMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task CaptionWithoutIdOrLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|#0:WithCaption("Look")|}.Build();
            VideoMedia B() => new VideoMedia { {|#1:Caption = "Look"|} };
            VideoMessage C() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(m => m.{|#2:WithCaption("Look")|})
                .Build();
            VideoMedia D(string id) => VideoMedia.Builder().WithId(id).{|#3:WithCaption("Look")|}.WithId(null).Build();
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", "VideoMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("caption", "VideoMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(2).WithArguments("caption", "VideoMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(3).WithArguments("caption", "VideoMedia", "'id' or 'link'"));

    [Fact]
    public Task CaptionOverMaxLength() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Long = "{{LongCaption}}";
            VideoMedia A(string id) => VideoMedia.Builder().WithId(id).{|#0:WithCaption(Long)|}.Build();
            VideoMedia B(string id) => new VideoMedia { Id = id, {|#1:Caption = $"{Long}"|} };
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("caption", 1025, "at most 1024"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            VideoMedia B() => VideoMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            VideoMedia C() => new VideoMedia { {|#2:Link = "ftp://example.com/a"|} };
            VideoMedia D() => VideoMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage A() => VideoMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithVideo(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Verify.VideoSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage A() => VideoMessage.Builder().WithTo("+4915112345678").WithVideo(m => m.WithId("1234567890")).Build();
            VideoMessage B() => VideoMessage.Builder().WithTo("4915112345678").WithVideo(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            VideoMedia C(string url) => new VideoMedia { Link = url };
            VideoMedia D(string id, string url) => VideoMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            VideoMedia E(bool upload, string id, string url) => upload ? VideoMedia.Builder().WithId(id).Build() : VideoMedia.Builder().WithLink(url).Build();
            VideoMedia F(string? id, string url) => new VideoMedia { Id = id, Link = id is null ? url : null };
        """),
        Verify.VideoSchema);

    [Fact]
    public Task CaptionWithMedia_AtTheLimit_OrAtRunTime_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Max = "{{new string('x', 1024)}}";
            VideoMedia A(string id) => VideoMedia.Builder().WithCaption(Max).WithId(id).Build();
            VideoMedia B(string url) => new VideoMedia { Caption = Max, Link = url };
            VideoMedia C(string id, string caption) => VideoMedia.Builder().WithId(id).WithCaption(caption + Max).Build();
            VideoMedia D(string? caption) => VideoMedia.Builder().WithLink("https://example.com/a").WithCaption(caption).Build();
            VideoMedia E() => VideoMedia.Builder().WithCaption(null).WithId("1").Build();
        """),
        Verify.VideoSchema);
}
