namespace MessageGen.Analyzers.Tests;

/// <summary>MG0004 (length), MG0005 (pattern), MG0006 (absolute https URI) on constant values.</summary>
public class ConstantValueTests
{
    private static readonly string LongCaption = new('x', 1025);

    [Fact]
    public Task CaptionOverMaxLength() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Long = "{{LongCaption}}";
            VideoMedia A(string id) => VideoMedia.Builder().WithId(id).{|#0:WithCaption(Long)|}.Build();
            VideoMedia B(string id) => new VideoMedia { Id = id, {|#1:Caption = Long|} };
        """),
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("caption", 1025, "at most 1024"));

    [Fact]
    public Task IdUnderMinLength() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|MG0004:WithId("")|}.Build();
        """));

    [Fact]
    public Task LengthIsCountedInCodePoints_NotFlagged() => Verify.AnalyzerAsync(Verify.Code($$"""
            VideoMedia A(string id) => VideoMedia.Builder().WithId(id).WithCaption("{{string.Concat(Enumerable.Repeat("😀", 1024))}}").Build();
            VideoMedia B(string id) => VideoMedia.Builder().WithId(id).WithCaption("{{new string('x', 1024)}}").Build();
        """));

    [Fact]
    public Task ToNotMatchingPattern() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage A(string id) => VideoMessage.Builder().{|#0:WithTo("0151-123")|}.WithVideo(v => v.WithId(id)).Build();
            VideoMessage B(string id) => new VideoMessage { {|#1:To = "+49 151 1234567"|}, Video = new VideoMedia { Id = id } };
        """),
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "0151-123", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0005").WithLocation(1).WithArguments("to", "+49 151 1234567", "^\\+?[0-9]{6,15}$"));

    [Fact]
    public Task DollarIsTheEndOfInput_SoATrailingNewlineDoesNotMatch() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage A(string id) => VideoMessage.Builder().{|#0:WithTo("+4915112345678\n")|}.WithVideo(v => v.WithId(id)).Build();
        """),
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "+4915112345678\n", "^\\+?[0-9]{6,15}$"));

    [Fact]
    public Task LinkNotAbsoluteHttps() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|#0:WithLink("videos/a.mp4")|}.Build();
            VideoMedia B() => VideoMedia.Builder().{|#1:WithLink(new Uri("http://example.com/a.mp4"))|}.Build();
            VideoMedia C() => new VideoMedia { {|#2:Link = "ftp://example.com/a.mp4"|} };
        """),
        Verify.Diagnostic("MG0006").WithLocation(0).WithArguments("link", "videos/a.mp4", "is not an absolute URI"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("link", "http://example.com/a.mp4", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "ftp://example.com/a.mp4", "uses 'ftp', but WhatsApp fetches media only over https"));

    [Fact]
    public Task GoodConstantsAndRuntimeValues_NotFlagged() => Verify.AnalyzerAsync(Verify.Code("""
            const string Phone = "+4915112345678";
            VideoMessage A() => VideoMessage.Builder()
                .WithTo(Phone)
                .WithVideo(v => v.WithLink("https://example.com/a.mp4").WithCaption("Hello"))
                .Build();
            VideoMessage B(string to, string url, string caption) => VideoMessage.Builder()
                .WithTo(to)
                .WithVideo(v => v.WithLink(new Uri(url)).WithCaption(caption))
                .Build();
            VideoMessage C() => new VideoMessage { To = "4915112345678", Video = new VideoMedia { Link = "HTTPS://EXAMPLE.COM/a.mp4" } };
        """));

    [Fact]
    public Task SecondSchemaGetsTheSameChecks() => Verify.AnalyzerAsync(
        Verify.Code("""
            PhotoMessage A() => PhotoMessage.Builder()
                .{|MG0005:WithTo("abc")|}
                .WithImage(i => i.{|MG0006:WithLink("image.png")|})
                .Build();
        """),
        new[] { Verify.PhotoSchema });
}
