namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/audio-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class AudioMessageTests
{
    // ---- flagged ----

    [Fact]
    public Task IdAndLinkBothSet() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Url = "https://example.com/file";
            AudioMedia A(string id) => AudioMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(Url)|}.Build();
            AudioMedia B(string id, Uri url) => new AudioMediaBuilder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            AudioMedia C(string id, string url) => new AudioMedia { Id = id, {|MG0001:Link = url|} };
            AudioMessage D(string id) => AudioMessage.Builder()
                .WithTo("+4915112345678")
                .WithAudio(m => m.WithId(id).{|MG0001:WithLink("https://example.com/a")|})
                .Build();
            AudioMessage E(string id, string url) => new AudioMessage { To = "+4915112345678", Audio = new AudioMedia { Link = url, {|MG0001:Id = id|} } };
            AudioMedia F(string id, string url)
            {
                var b = AudioMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.AudioSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "AudioMedia"));

    [Fact]
    public Task NeitherIdNorLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            AudioMedia A() => AudioMedia.Builder().{|#0:Build()|};
            AudioMessage B() => AudioMessage.Builder().WithTo("+4915112345678").WithAudio(m => {|#1:m.WithId(null)|}).Build();
            AudioMedia C() => new {|#2:AudioMedia|} { };
        """),
        Verify.AudioSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("AudioMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("AudioMedia", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("AudioMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            AudioMedia A() => AudioMedia.Builder().{|#0:WithLink("files/a")|}.Build();
            AudioMedia B() => AudioMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a"))|}.Build();
            AudioMedia C() => new AudioMedia { {|#2:Link = "ftp://example.com/a"|} };
            AudioMedia D() => AudioMedia.Builder().{|#3:WithLink(new Uri("http://example.com/a", UriKind.Absolute))|}.Build();
        """),
        Verify.AudioSchema,
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "files/a", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a", "uses 'http', but WhatsApp fetches media only over https"));

    [Fact]
    public Task EmptyIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            AudioMessage A() => AudioMessage.Builder()
                .{|#0:WithTo("0151-123")|}
                .WithAudio(m => m.{|#1:WithId("")|})
                .Build();
        """),
        Verify.AudioSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task OneOfIdOrLink_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            AudioMessage A() => AudioMessage.Builder().WithTo("+4915112345678").WithAudio(m => m.WithId("1234567890")).Build();
            AudioMessage B() => AudioMessage.Builder().WithTo("4915112345678").WithAudio(m => m.WithLink(new Uri("https://example.com/a"))).Build();
            AudioMedia C(string url) => new AudioMedia { Link = url };
            AudioMedia D(string id, string url) => AudioMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            AudioMedia E(bool upload, string id, string url) => upload ? AudioMedia.Builder().WithId(id).Build() : AudioMedia.Builder().WithLink(url).Build();
            AudioMedia F(string? id, string url) => new AudioMedia { Id = id, Link = id is null ? url : null };
        """),
        Verify.AudioSchema);
}
