namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// The media checks plus those of a caption (image, video, document): MG0002 for a caption without <c>id</c> or
/// <c>link</c>, MG0004 for one over 1,024 characters.
/// </summary>
public abstract class CaptionedMediaMessageTests(string kind, string schema) : MediaMessageTests(kind, schema)
{
    private static readonly string LongCaption = new('x', 1025);

    // ---- flagged ----

    [Fact]
    public Task CaptionWithoutIdOrLink() => Verify.AnalyzerAsync(
        Code("""
            SampleMedia A() => SampleMedia.Builder().{|#0:WithCaption("Look")|}.Build();
            SampleMedia B() => new SampleMedia { {|#1:Caption = "Look"|} };
            SampleMessage C() => SampleMessage.Builder()
                .WithTo("+4915112345678")
                .WithSample(m => m.{|#2:WithCaption("Look")|})
                .Build();
            SampleMedia D(string id) => SampleMedia.Builder().WithId(id).{|#3:WithCaption("Look")|}.WithId(null).Build();
        """),
        Schema,
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", Media, "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("caption", Media, "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(2).WithArguments("caption", Media, "'id' or 'link'"),
        Verify.Diagnostic("MG0002").WithLocation(3).WithArguments("caption", Media, "'id' or 'link'"));

    [Fact]
    public Task CaptionOverMaxLength() => Verify.AnalyzerAsync(
        Code($$"""
            const string Long = "{{LongCaption}}";
            SampleMedia A(string id) => SampleMedia.Builder().WithId(id).{|#0:WithCaption(Long)|}.Build();
            SampleMedia B(string id) => new SampleMedia { Id = id, {|#1:Caption = $"{Long}"|} };
        """),
        Schema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("caption", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("caption", 1025, "at most 1024"));

    // ---- not flagged ----

    [Fact]
    public Task CaptionWithMedia_AtTheLimit_OrAtRunTime_NotFlagged() => Verify.AnalyzerAsync(
        Code($$"""
            const string Max = "{{new string('x', 1024)}}";
            SampleMedia A(string id) => SampleMedia.Builder().WithCaption(Max).WithId(id).Build();
            SampleMedia B(string url) => new SampleMedia { Caption = Max, Link = url };
            SampleMedia C(string id, string caption) => SampleMedia.Builder().WithId(id).WithCaption(caption + Max).Build();
            SampleMedia D(string? caption) => SampleMedia.Builder().WithLink("https://example.com/a").WithCaption(caption).Build();
            SampleMedia E() => SampleMedia.Builder().WithCaption(null).WithId("1").Build();
        """),
        Schema);
}
