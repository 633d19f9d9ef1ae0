namespace MessageGen.Analyzers.Tests;

/// <summary>MG0002: a member is set without the members it depends on (dependentSchemas / dependentRequired).</summary>
public class DependentMemberTests
{
    // ---- flagged ----

    [Fact]
    public Task Chain_CaptionOnly_AtBuild() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M() => VideoMedia.Builder().{|MG0002:WithCaption("hello")|}.Build();
        """));

    [Fact]
    public Task Chain_NewBuilder() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string caption) => new VideoMediaBuilder()
                .{|MG0002:WithCaption(caption)|}
                .Build();
        """));

    [Fact]
    public Task WithVideoLambda_CaptionOnly() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => v.{|MG0002:WithCaption("hello")|})
                .Build();
        """));

    [Fact]
    public Task BlockBodiedLambda_CaptionOnly() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v =>
                {
                    v.{|MG0002:WithCaption("hello")|};
                    return v;
                })
                .Build();
        """));

    [Fact]
    public Task ObjectInitializer() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M() => new VideoMedia { {|MG0002:Caption = "hello"|} };
        """));

    [Fact]
    public Task NestedObjectInitializer() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M() => new VideoMessage
            {
                To = "+4915112345678",
                Video = new VideoMedia
                {
                    {|MG0002:Caption = "hello"|},
                },
            };
        """));

    [Fact]
    public Task StraightLineLocal_AtBuild() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string caption)
            {
                var b = VideoMedia.Builder();
                b.{|MG0002:WithCaption(caption)|};
                Console.WriteLine(caption);
                return b.Build();
            }
        """));

    [Fact]
    public Task MediaClearedWithNull() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id) => VideoMedia.Builder().WithId(id).{|MG0002:WithCaption("c")|}.WithId(null).Build();
        """));

    [Fact]
    public Task MessageNamesTheMissingMembers() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia M() => VideoMedia.Builder().{|#0:WithCaption("hello")|}.Build();
        """),
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", "VideoMedia", "'id' or 'link'"));

    [Fact]
    public Task SecondSchema_DependentRequiredAll_CaptionWithIdButNoLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            PhotoMedia M(string id) => PhotoMedia.Builder().WithId(id).{|#0:WithCaption("hello")|}.Build();
            PhotoMedia N(string id) => new PhotoMedia { Id = id, {|#1:Caption = "hello"|} };
        """),
        new[] { Verify.PhotoSchema },
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("caption", "PhotoMedia", "'link'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("caption", "PhotoMedia", "'link'"));

    [Fact]
    public Task GeneralDependentSchema_TheMembersItCertainlyRequires() => Verify.AnalyzerAsync(
        Verify.Code("""
            Shipment M() => Shipment.Builder().{|#0:WithExpress(true)|}.WithTracking("ABCD1234").Build();
            Shipment N() => new Shipment { {|#1:Gift = true|} };
        """),
        new[] { "shipment.schema.json" },
        Verify.Diagnostic("MG0002").WithLocation(0).WithArguments("express", "Shipment", "'carrier'"),
        Verify.Diagnostic("MG0002").WithLocation(1).WithArguments("gift", "Shipment", "'message' or 'wrapping'"));

    // ---- not flagged ----

    [Fact]
    public Task CaptionWithId_OrWithLink() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id) => VideoMedia.Builder().WithCaption("c").WithId(id).Build();
            VideoMedia B(Uri url) => VideoMedia.Builder().WithLink(url).WithCaption("c").Build();
            VideoMedia C(string url) => new VideoMedia { Caption = "c", Link = url };
        """));

    [Fact]
    public Task MediaSetInALaterStatement() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id)
            {
                var b = VideoMedia.Builder().WithCaption("c");
                b.WithId(id);
                return b.Build();
            }
        """));

    [Fact]
    public Task BuilderPassedOnBeforeBuild() => Verify.AnalyzerAsync(Verify.Code("""
            static void AddMedia(VideoMediaBuilder b) => b.WithId("123");
            VideoMedia M()
            {
                var b = VideoMedia.Builder().WithCaption("c");
                AddMedia(b);
                return b.Build();
            }
        """));

    [Fact]
    public Task BuilderFromElsewhere() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(VideoMediaBuilder b) => b.WithCaption("c").Build();
            VideoMediaBuilder B() => VideoMedia.Builder().WithCaption("c");
            VideoMedia C(Func<VideoMediaBuilder> make) => make().WithCaption("c").Build();
        """));

    [Fact]
    public Task UserHelpersInTheChain() => Verify.AnalyzerAsync("""
        using MessageGen.WhatsApp;

        public static class Helpers
        {
            public static VideoMediaBuilder WithDefaultMedia(this VideoMediaBuilder b) => b.WithId("1");
            public static VideoMedia M() => VideoMedia.Builder().WithDefaultMedia().WithCaption("c").Build();
            public static VideoMedia N() => VideoMedia.WithStandardMedia().WithCaption("c").Build();
        }
        """ + """

        namespace MessageGen.WhatsApp
        {
            public partial class VideoMedia
            {
                public static VideoMediaBuilder WithStandardMedia() => Builder().WithLink("https://example.com/a.mp4");
            }
        }
        """);

    [Fact]
    public Task LambdaParameterCapturedByALocalFunction() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v =>
                {
                    v.WithCaption("c");
                    AddMedia();
                    return v;

                    void AddMedia() => v.WithId("1");
                })
                .Build();
        """));

    [Fact]
    public Task NotBuilt() => Verify.AnalyzerAsync(Verify.Code("""
            void M()
            {
                var b = VideoMedia.Builder();
                b.WithCaption("c");
            }
        """));

    [Fact]
    public Task MediaSetInABranch() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string? id, string url)
            {
                var b = VideoMedia.Builder().WithCaption("c");
                if (id is not null) b.WithId(id); else b.WithLink(url);
                return b.Build();
            }
        """));

    [Fact]
    public Task MaybeSetMedia() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string? id) => VideoMedia.Builder().WithId(id).WithCaption("c").Build();
            VideoMedia B(bool c, string id) => new VideoMedia { Id = c ? id : null, Caption = "c" };
        """));

    [Fact]
    public Task CaptionClearedOrMaybeNull() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id) => VideoMedia.Builder().WithCaption("c").WithCaption(null).WithId(id).Build();
            VideoMessage B(string? caption) => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => v.WithCaption(caption).WithId("1"))
                .Build();
        """));

    [Fact]
    public Task LambdaBuilderCompletedLater() => Verify.AnalyzerAsync(Verify.Code("""
            static VideoMediaBuilder AddMedia(VideoMediaBuilder b) => b.WithId("1");
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => AddMedia(v.WithCaption("c")))
                .Build();
        """));

    [Fact]
    public Task DifferentObjects() => Verify.AnalyzerAsync(Verify.Code("""
            void M(string id)
            {
                var a = VideoMedia.Builder().WithId(id);
                var b = VideoMedia.Builder().WithCaption("c").WithId(id);
                var media = a.Build();
                var other = b.Build();
            }
        """));

    [Fact]
    public Task GeneralDependentSchema_WithTheMembersItRequires() => Verify.AnalyzerAsync(
        Verify.Code("""
            Shipment M() => Shipment.Builder().WithExpress(true).WithCarrier("dhl").WithTracking("ABCD1234").Build();
            Shipment N() => new Shipment { Gift = true, Wrapping = "red" };
        """),
        new[] { "shipment.schema.json" });

    [Fact]
    public Task SecondSchema_CaptionWithLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            PhotoMedia M(string url) => PhotoMedia.Builder().WithLink(url).WithCaption("hello").Build();
        """),
        new[] { Verify.PhotoSchema });
}
