using Microsoft.CodeAnalysis.Testing;

namespace MessageGen.Analyzers.Tests;

/// <summary>MG0001: members of two alternatives of a schema oneOf of required are both set.</summary>
public class MutuallyExclusiveMembersTests
{
    // ---- flagged ----

    [Fact]
    public Task Chain_IdThenLink() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
        """));

    [Fact]
    public Task Chain_LinkThenId_ReportsTheSecondCall() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().WithLink(url).{|MG0001:WithId(id)|}.Build();
        """));

    [Fact]
    public Task Chain_UriOverload() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, Uri url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
        """));

    [Fact]
    public Task Chain_LongWithOtherMembersBetween() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMediaBuilder()
                .WithId(id)
                .WithCaption("hello")
                .WithCaption("again")
                .{|MG0001:WithLink(url)|}
                .Build();
        """));

    [Fact]
    public Task Chain_InsideWithVideoLambda() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M(string id, string url) => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => v.WithId(id).{|MG0001:WithLink(url)|})
                .Build();
        """));

    [Fact]
    public Task Chain_NotEndingInBuild() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMediaBuilder M(VideoMediaBuilder b, string id, string url) => b.WithLink(url).{|MG0001:WithId(id)|};
        """));

    [Fact]
    public Task ObjectInitializer() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia { Id = id, {|MG0001:Link = url|} };
        """));

    [Fact]
    public Task TargetTypedNewAndNullConditionalChain() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id, string url)
            {
                VideoMedia media = new() { Link = url, {|MG0001:Id = id|} };
                return media;
            }
            VideoMedia? B(Func<VideoMediaBuilder?> make, string id, string url) => make()?.WithId(id).{|MG0001:WithLink(url)|}.Build();
        """));

    [Fact]
    public Task NestedObjectInitializer() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M(string id, string url) => new VideoMessage
            {
                To = "+4915112345678",
                Video = new VideoMedia { Link = url, Caption = "c", {|MG0001:Id = id|} },
            };
        """));

    [Fact]
    public Task SeparateStatementsOnOneLocal() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """));

    [Fact]
    public Task DeclarationChainThenStatement_WithUnrelatedStatementsBetween() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder().WithId(id);
                var caption = url.ToUpperInvariant();
                Console.WriteLine(caption);
                b.WithCaption(caption);
                b.{|MG0001:WithLink(new Uri(url))|};
                return b.Build();
            }
        """));

    [Fact]
    public Task StatementThenBuildChain() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url)
            {
                VideoMediaBuilder b;
                b = new VideoMediaBuilder();
                b = b.WithLink(url);
                return b.{|MG0001:WithId(id)|}.Build();
            }
        """));

    [Fact]
    public Task ConsecutiveStatementsOnALocalDeclaredInAnOuterBlock() => Verify.AnalyzerAsync(Verify.Code("""
            void M(string id, string url, bool c)
            {
                var b = VideoMedia.Builder();
                if (c)
                {
                    b.WithId(id);
                    b.{|MG0001:WithLink(url)|};
                }
            }
        """));

    [Fact]
    public Task ConsecutiveStatementsOnAParameter() => Verify.AnalyzerAsync(Verify.Code("""
            void Configure(VideoMediaBuilder b, string id, string url)
            {
                b.WithId(id).WithCaption("c");
                b.{|MG0001:WithLink(url)|};
            }
        """));

    [Fact]
    public Task StatementsInBlockBodiedWithVideoLambda() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M(string id, string url) => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v =>
                {
                    v.WithLink(url);
                    v.{|MG0001:WithId(id)|};
                    return v;
                })
                .Build();
        """));

    [Fact]
    public Task ConstantValues() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M() => VideoMedia.Builder().WithId("123").{|MG0001:WithLink("https://example.com/v.mp4")|}.Build();
        """));

    [Fact]
    public Task SecondSchemaGetsTheSameCheck() => Verify.AnalyzerAsync(
        Verify.Code("""
            PhotoMessage M(string id, string url) => PhotoMessage.Builder()
                .WithTo("+4915112345678")
                .WithImage(i => i.WithId(id).{|MG0001:WithLink(url)|})
                .Build();
            PhotoMedia N(string id, string url) => new PhotoMedia { Link = url, {|MG0001:Id = id|} };
        """),
        new[] { Verify.VideoSchema, Verify.PhotoSchema });

    [Fact]
    public Task MessageNamesBothMembers_AndPointsAtTheOther() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().{|#1:WithId(id)|}.{|#0:WithLink(url)|}.Build();
        """),
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("link", "id", "VideoMedia"));

    [Fact]
    public Task StatementsReportTheEarlierStatementAsTheOtherLocation() => Verify.AnalyzerAsync(
        Verify.Code("""
            void M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.{|#1:WithLink(url)|};
                b.{|#0:WithId(id)|};
            }
        """),
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("id", "link", "VideoMedia"));

    // ---- not flagged ----

    [Fact]
    public Task OnlyOneMember_RuntimeValues() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id) => VideoMedia.Builder().WithId(id).WithCaption("c").Build();
            VideoMedia B(Uri url) => VideoMedia.Builder().WithLink(url).Build();
            VideoMedia C(string url) => new VideoMedia { Link = url, Caption = "c" };
        """));

    [Fact]
    public Task IfElseBranches() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string? id, string url)
            {
                var b = VideoMedia.Builder();
                if (id is not null)
                {
                    b.WithId(id);
                }
                else
                {
                    b.WithLink(url);
                }

                return b.Build();
            }
        """));

    [Fact]
    public Task IfWithoutElseThenOtherMember() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string? id, string url, bool useId)
            {
                var b = VideoMedia.Builder().WithLink(url);
                if (useId) b = VideoMedia.Builder().WithId(id!);
                return b.Build();
            }
        """));

    [Fact]
    public Task ConditionalOperator() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(bool useId, string id, string url)
                => (useId ? VideoMedia.Builder().WithId(id) : VideoMedia.Builder().WithLink(url)).Build();
            VideoMedia B(bool useId, string id, string url)
                => new VideoMedia { Id = useId ? id : null, Link = useId ? null : url };
            VideoMedia C(bool useId, string id, string url)
            {
                var b = VideoMedia.Builder();
                _ = useId ? b.WithId(id) : b.WithLink(url);
                return b.Build();
            }
        """));

    [Fact]
    public Task SwitchStatementAndExpression() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(int kind, string id, string url)
            {
                var b = VideoMedia.Builder();
                switch (kind)
                {
                    case 0:
                        b.WithId(id);
                        break;
                    default:
                        b.WithLink(url);
                        break;
                }

                return b.Build();
            }

            VideoMedia B(int kind, string id, string url) => kind switch
            {
                0 => VideoMedia.Builder().WithId(id).Build(),
                _ => VideoMedia.Builder().WithLink(url).Build(),
            };
        """));

    [Fact]
    public Task DifferentObjects() => Verify.AnalyzerAsync(Verify.Code("""
            void M(string id, string url)
            {
                var a = VideoMedia.Builder();
                var b = VideoMedia.Builder();
                a.WithId(id);
                b.WithLink(url);
                var c = new VideoMedia { Id = id };
                var d = new VideoMedia { Link = url };
                var e = VideoMedia.Builder().WithId(id).Build();
                var f = VideoMedia.Builder().WithLink(url).Build();
            }
        """));

    [Fact]
    public Task DifferentLambdas() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMessage M(string id, string url) => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => v.WithId(id))
                .WithVideo(v => v.WithLink(url))
                .Build();
            void N(string id, string url)
            {
                var b = VideoMedia.Builder();
                Action first = () => b.WithId(id);
                Action second = () => b.WithLink(url);
            }
        """));

    [Fact]
    public Task ReassignedLocal() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder().WithId(id);
                b = VideoMedia.Builder();
                b.WithLink(url);
                return b.Build();
            }
        """));

    [Fact]
    public Task NullConstantClearsTheMember() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).WithId(null).WithLink(url).Build();
            VideoMedia B(string url) => new VideoMedia { Id = null, Link = url };
            VideoMedia C(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithLink(url);
                b.WithLink(default(string));
                b.WithId(id);
                return b.Build();
            }
        """));

    [Fact]
    public Task ConflictClearedLater_NotFlagged() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).WithLink(url).WithId(null).Build();
            VideoMediaBuilder B(VideoMediaBuilder b, string id, string url) => b.WithLink(url).WithCaption("c").WithId(id).WithLink(default(string));
            VideoMedia C(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                b.WithLink(url);
                b.WithId(null);
                return b.Build();
            }
        """));

    [Fact]
    public Task ConflictReplacedLater_ReportedOnceAtTheLastPair() => Verify.AnalyzerAsync(
        Verify.Code("""
            VideoMedia A(string id, string other, string url) => VideoMedia.Builder().WithId(id).{|#1:WithLink(url)|}.{|#0:WithId(other)|}.Build();
            VideoMedia B(string id, string url, string other)
            {
                var b = VideoMedia.Builder();
                b.{|#3:WithId(id)|};
                b.WithLink(url);
                b.{|#2:WithLink(other)|};
                return b.Build();
            }
        """),
        Verify.Diagnostic("MG0001").WithLocation(0).WithLocation(1).WithArguments("id", "link", "VideoMedia"),
        Verify.Diagnostic("MG0001").WithLocation(2).WithLocation(3).WithArguments("link", "id", "VideoMedia"));

    [Fact]
    public Task ConflictBuiltBeforeItIsCleared() => Verify.AnalyzerAsync(Verify.Code("""
            (VideoMedia, VideoMedia) M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                var first = b.Build();
                b.WithId(null);
                return (first, b.Build());
            }
            void N(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                Console.WriteLine(b);
                b.WithId(null);
            }
        """));

    [Fact]
    public Task MaybeNullValues() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia A(VideoMedia other) => new VideoMedia { Id = other.Id, Link = other.Link };
            VideoMedia B(string? id, string? url) => VideoMedia.Builder().WithId(id).WithLink(url).Build();
            VideoMedia C(string? id, string url) => VideoMedia.Builder().WithId(id ?? null).WithLink(url).Build();
        """));

    [Fact]
    public Task LocalEscapesBetweenStatements() => Verify.AnalyzerAsync(Verify.Code("""
            static void Reset(VideoMediaBuilder b) => b.WithId(null);
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                Reset(b);
                b.WithLink(url);
                return b.Build();
            }
        """));

    [Fact]
    public Task NonConsecutiveStatementsOnALocalNotOwnedByTheBlock() => Verify.AnalyzerAsync(Verify.Code("""
            static void Work() { }
            void M(VideoMediaBuilder b, string id, string url)
            {
                {
                    b.WithId(id);
                    Work();
                    b.WithLink(url);
                }
            }
        """));

    [Fact]
    public Task LoopIterations() => Verify.AnalyzerAsync(Verify.Code("""
            void M(string[] ids, string url)
            {
                var b = VideoMedia.Builder();
                foreach (var id in ids)
                {
                    b.WithId(id);
                }

                b = VideoMedia.Builder();
                b.WithLink(url);
            }
        """));

    [Fact]
    public Task CapturedByLocalFunction() => Verify.AnalyzerAsync(Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
                Clear();
                b.WithLink(url);
                return b.Build();

                void Clear() => b.WithId(null);
            }
        """));

    [Fact]
    public Task LabelBetweenStatements() => Verify.AnalyzerAsync(Verify.Code("""
            void M(string id, string url, bool again)
            {
                var b = VideoMedia.Builder();
                b.WithId(id);
            start:
                b.WithLink(url);
                b = VideoMedia.Builder();
                if (again) goto start;
            }
        """));

    [Fact]
    public Task NullConditionalCall() => Verify.AnalyzerAsync(Verify.Code("""
            void M(VideoMediaBuilder? b, string id, string url)
            {
                var owned = VideoMedia.Builder();
                owned.WithId(id);
                b?.WithLink(url);
            }
        """));

    [Fact]
    public Task GeneratedCodeIsNotAnalyzed_AndUnrelatedCodeIsQuiet() => Verify.AnalyzerAsync(Verify.Code("""
            // The generated FromJson builds 'new VideoMedia { Id = ..., Link = ..., Caption = ... }' itself.
            VideoMedia M(string json) => VideoMedia.FromJson(json);
            string N(System.Text.StringBuilder sb) => sb.Append("id").Append("link").ToString();
        """));

    [Fact]
    public Task GeneratedTypesFromAReferencedAssembly() => Verify.AnalyzerWithGeneratedLibraryAsync(Verify.Code("""
            VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
            VideoMedia B(string url) => new VideoMedia { Link = url, Caption = "c" };
            VideoMedia C() => VideoMedia.Builder().{|MG0002:WithCaption("c")|}.Build();
        """));
}
