namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/document-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0002 and MG0004 on the caption,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class DocumentMessageTests() : CaptionedMediaMessageTests("Document", Verify.DocumentSchema)
{
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
