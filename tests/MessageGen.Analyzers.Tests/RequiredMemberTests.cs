namespace MessageGen.Analyzers.Tests;

/// <summary>MG0003: a required member (or every alternative of an exactly-one-of) is missing where the object is built.</summary>
public class RequiredMemberTests
{
    [Fact]
    public Task BuildWithoutTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage M(string id) => VideoMessage.Builder().WithVideo(v => v.WithId(id)).{|#0:Build()|};
        """),
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("VideoMessage", "'to', which the schema requires"));

    [Fact]
    public Task BuildWithoutVideoOrTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMessage M() => new VideoMessageBuilder().{|#0:Build()|};
        """),
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("VideoMessage", "'to', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("VideoMessage", "'video', which the schema requires"));

    [Fact]
    public Task BuildMediaWithoutIdOrLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia M() => VideoMedia.Builder().{|#0:Build()|};
        """),
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("VideoMedia", "'id' or 'link': the schema requires exactly one of them"));

    [Fact]
    public Task StraightLineLocal() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M(string id)
            {
                var b = VideoMessage.Builder();
                b.WithTo("+4915112345678");
                b.WithTo(null);
                b.WithVideo(v => v.WithId(id));
                return b.{|MG0003:Build()|};
            }
        """));

    [Fact]
    public Task EmptyLambdaAndEmptyInitializer() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M() => VideoMessage.Builder().WithTo("+4915112345678").WithVideo(v => {|MG0003:v|}).Build();
            VideoMedia N() => new {|MG0003:VideoMedia|} { Caption = null };
        """));

    [Fact]
    public Task NotFlagged() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage A(string id) => VideoMessage.Builder().WithTo("+4915112345678").WithVideo(v => v.WithId(id)).Build();
            VideoMessage B(VideoMessageBuilder b) => b.Build();
            VideoMessage C(string? to, VideoMedia media) => VideoMessage.Builder().WithTo(to).WithVideo(media).Build();
            VideoMessage D(string id)
            {
                var b = VideoMessage.Builder().WithVideo(v => v.WithId(id));
                Configure(b);
                return b.Build();
            }
            static void Configure(VideoMessageBuilder b) => b.WithTo("+4915112345678");
            // 'required' properties: the compiler already reports a missing To/Video in an initializer.
            VideoMessage E(string id) => new VideoMessage { To = "+4915112345678", Video = new VideoMedia { Id = id } };
        """));

    [Fact]
    public Task SeverityIsConfigurableWithEditorConfig() => Verify.AnalyzerWithEditorConfigAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().WithId(id).{|#0:WithLink(url)|}.Build();
            VideoMedia N() => VideoMedia.Builder().Build();
        """),
        new[] { Verify.VideoSchema },
        """
        root = true

        [*.cs]
        dotnet_diagnostic.MG0001.severity = warning
        dotnet_diagnostic.MG0003.severity = none
        """,
        Verify.Diagnostic("MG0001").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
}
