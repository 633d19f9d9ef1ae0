namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/document-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0002 and MG0004 on the caption,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class DocumentMessageTests
{
    private static readonly string LongCaption = new('x', 1025);

    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Url = "https://example.com/file";
            DocumentMedia A(string id) => DocumentMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            DocumentMedia B(string id, Uri url) => new DocumentMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            DocumentMedia C(string id, string url) => new DocumentMedia { Id = id, {|MG0001:Link = url|} };
            DocumentMessage D(string id) => DocumentMessage.Builder()
                .WithTo("+4915112345678")
                .WithDocument(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            DocumentMessage E(string id, string url) => new DocumentMessage { To = "+4915112345678", Document = new DocumentMedia { Link = url, {|MG0001:Id = id|} } };
            DocumentMedia F(string id, string url)
            {
                var b = DocumentMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "DocumentMedia"));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMedia A() => DocumentMedia.Builder().{|#0:Build()|};
            DocumentMessage B() => DocumentMessage.Builder().WithTo("+4915112345678").WithDocument(m => {|#1:m.WithId(null)|}).Build();
            DocumentMedia C() => new {|#2:DocumentMedia|} { };
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("DocumentMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("DocumentMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("DocumentMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task CaptionWithoutIdOrLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMedia A() => DocumentMedia.Builder().{|#0:WithCaption("Look")|}.Build();
            DocumentMedia B() => new DocumentMedia { {|#1:Caption = "Look"|} };
            DocumentMessage C() => DocumentMessage.Builder()
                .WithTo("+4915112345678")
                .WithDocument(m => m.{|#2:WithCaption("Look")|})
                .Build();
            DocumentMedia D(string id) => DocumentMedia.Builder().WithId(id).{|#3:WithCaption("Look")|}.WithId(null).Build();
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", "DocumentMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("caption", "DocumentMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(2).WithArguments("caption", "DocumentMedia", "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(3).WithArguments("caption", "DocumentMedia", "'id' or 'link'"));

    [Fact]
    public Task CaptionOverMaxLength() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Long = "{{LongCaption}}";
            DocumentMedia A(string id) => DocumentMedia.Builder().WithId(id).{|#0:WithCaption(Long)|}.Build();
            DocumentMedia B(string id) => new DocumentMedia { Id = id, {|#1:Caption = $"{Long}"|} };
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("caption", 1025, "at most 1024"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMedia A() => DocumentMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            DocumentMedia B() => DocumentMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            DocumentMedia C() => new DocumentMedia { {|#2:Link = "ftp://example.com/a"|} };
            DocumentMedia D() => DocumentMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMessage A() => DocumentMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithDocument(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMessage A() => DocumentMessage.Builder().WithTo("+4915112345678").WithDocument(m => m.WithId("1234567890")).Build();
            DocumentMessage B() => DocumentMessage.Builder().WithTo("4915112345678").WithDocument(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            DocumentMedia C(string url) => new DocumentMedia { Link = url };
            DocumentMedia D(string id, string url) => DocumentMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            DocumentMedia E(bool upload, string id, string url) => upload ? DocumentMedia.Builder().WithId(id).Build() : DocumentMedia.Builder().WithLink(url).Build();
            DocumentMedia F(string? id, string url) => new DocumentMedia { Id = id, Link = id is null ? url : null };
        """),
        Verify.DocumentSchema);

    [Fact]
    public Task CaptionWithMedia_AtTheLimit_OrAtRunTime_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Max = "{{new string('x', 1024)}}";
            DocumentMedia A(string id) => DocumentMedia.Builder().WithCaption(Max).WithId(id).Build();
            DocumentMedia B(string url) => new DocumentMedia { Caption = Max, Link = url };
            DocumentMedia C(string id, string caption) => DocumentMedia.Builder().WithId(id).WithCaption(caption + Max).Build();
            DocumentMedia D(string? caption) => DocumentMedia.Builder().WithLink("https://example.com/a").WithCaption(caption).Build();
            DocumentMedia E() => DocumentMedia.Builder().WithCaption(null).WithId("1").Build();
        """),
        Verify.DocumentSchema);

    [Fact]
    public Task UriObjectsAreCheckedAsTheBuilderStoresThem() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Report = "https://example.com/Annual report 2025.pdf";
            // WithLink(Uri) stores uri.AbsoluteUri, escaped by System.Uri: "https://example.com/Annual%20report%202025.pdf" is right.
            DocumentMedia A() => DocumentMedia.Builder().WithLink(new Uri(Report)).Build();
            DocumentMedia B(UriKind kind) => DocumentMedia.Builder().WithLink(new Uri(Report, kind)).Build();
            DocumentMedia C() => DocumentMedia.Builder().WithLink(new Uri("https://example.com/r%C3%A9sum%C3%A9.pdf", UriKind.Absolute)).Build();
            // The string overload stores the text as it is, which is not an RFC 3986 URI.
            DocumentMedia D() => DocumentMedia.Builder().{|#0:WithLink(Report)|}.Build();
            DocumentMedia E() => DocumentMedia.Builder().{|#1:WithLink(new Uri("/files/report.pdf", UriKind.Relative))|}.Build();
            DocumentMedia F() => DocumentMedia.Builder().{|#2:WithLink(new Uri(uriKind: UriKind.Absolute, uriString: "http://example.com/a b.pdf"))|}.Build();
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "https://example.com/Annual report 2025.pdf", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "/files/report.pdf", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "http://example.com/a b.pdf", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task Filename() => Verify.AnalyzerAsync(
        Verify.Code("""
            DocumentMedia A(string id) => DocumentMedia.Builder().WithId(id).{|#0:WithFilename("")|}.Build();
            DocumentMedia B(string id) => new DocumentMedia { Id = id, Filename = "report.pdf" };
            DocumentMedia C(string id, string name) => DocumentMedia.Builder().WithId(id).WithFilename(name).Build();
        """),
        Verify.DocumentSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("filename", 0, "at least 1"));
}
