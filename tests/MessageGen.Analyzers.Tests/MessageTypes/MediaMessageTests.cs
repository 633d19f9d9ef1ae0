namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// The checks every media message schema (image, video, audio, document, sticker) gets from the same keywords: MG0001
/// when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0006 on a <c>link</c> that is not an absolute
/// https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>. Each type's class runs them against its own schema; the
/// code is written for a type called <c>Sample</c> (<c>SampleMessage</c>, <c>SampleMedia</c>, <c>WithSample</c>), renamed per type.
/// </summary>
/// <param name="kind">The type's name as in its titles, e.g. <c>Image</c>.</param>
/// <param name="schema">Its schema file.</param>
public abstract class MediaMessageTests(string kind, string schema)
{
    protected string Schema => schema;

    /// <summary>The media object's type name, e.g. <c>ImageMedia</c>, as diagnostics name it.</summary>
    protected string Media => kind + "Media";

    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Code("""
            const string Url = "https://example.com/file";
            SampleMedia A(string id) => SampleMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            SampleMedia B(string id, Uri url) => new SampleMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            SampleMedia C(string id, string url) => new SampleMedia { Id = id, {|MG0001:Link = url|} };
            SampleMessage D(string id) => SampleMessage.Builder()
                .WithTo("+4915112345678")
                .WithSample(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            SampleMessage E(string id, string url) => new SampleMessage { To = "+4915112345678", Sample = new SampleMedia { Link = url, {|MG0001:Id = id|} } };
            SampleMedia F(string id, string url)
            {
                var b = SampleMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Schema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", Media));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Code("""
            SampleMedia A() => SampleMedia.Builder().{|#0:Build()|};
            SampleMessage B() => SampleMessage.Builder().WithTo("+4915112345678").WithSample(m => {|#1:m.WithId(null)|}).Build();
            SampleMedia C() => new {|#2:SampleMedia|} { };
        """),
        Schema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments(Media, "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments(Media, "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments(Media, "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Code("""
            SampleMedia A() => SampleMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            SampleMedia B() => SampleMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            SampleMedia C() => new SampleMedia { {|#2:Link = "ftp://example.com/a"|} };
            SampleMedia D() => SampleMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Schema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Code("""
            SampleMessage A() => SampleMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithSample(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Schema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Code("""
            SampleMessage A() => SampleMessage.Builder().WithTo("+4915112345678").WithSample(m => m.WithId("1234567890")).Build();
            SampleMessage B() => SampleMessage.Builder().WithTo("4915112345678").WithSample(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            SampleMedia C(string url) => new SampleMedia { Link = url };
            SampleMedia D(string id, string url) => SampleMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            SampleMedia E(bool upload, string id, string url) => upload ? SampleMedia.Builder().WithId(id).Build() : SampleMedia.Builder().WithLink(url).Build();
            SampleMedia F(string? id, string url) => new SampleMedia { Id = id, Link = id is null ? url : null };
        """),
        Schema);

    /// <summary>The test code with <c>Sample</c> renamed to this type.</summary>
    protected string Code(string template) => Verify.Code(template.Replace("Sample", kind, StringComparison.Ordinal));
}
