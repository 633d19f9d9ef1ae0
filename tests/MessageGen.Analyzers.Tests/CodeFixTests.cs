using MessageGen.CodeFixes;

namespace MessageGen.Analyzers.Tests;

/// <summary>The MG0001 and MG0002 code fixes, one at a time and with Fix All.</summary>
public class CodeFixTests
{
    private static readonly string KeepIdRemoveLink = MutuallyExclusiveMembersCodeFixProvider.EquivalenceKey("id", "link");
    private static readonly string KeepLinkRemoveId = MutuallyExclusiveMembersCodeFixProvider.EquivalenceKey("link", "id");
    private static readonly string RemoveCaption = DependentMemberWithoutDependencyCodeFixProvider.EquivalenceKey("caption");

    [Fact]
    public Task KeepId_SingleLineChain() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.WithCaption("c").Build();
        """),
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder().WithId(id).WithCaption("c").Build();
        """),
        KeepIdRemoveLink);

    [Fact]
    public Task KeepLink_SingleLineChain_RemovesTheEarlierCall() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, Uri url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
        """),
        Verify.Code("""
            VideoMedia M(string id, Uri url) => VideoMedia.Builder().WithLink(url).Build();
        """),
        KeepLinkRemoveId);

    [Fact]
    public Task KeepId_MultiLineChain_KeepsLayoutAndComments() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMessage M(string id, string url) => VideoMessage.Builder()
                .WithTo("+4915112345678") // the customer
                .WithVideo(v => v
                    .WithId(id)
                    .{|MG0001:WithLink(url)|}
                    .WithCaption("Hello"))
                .Build();
        """),
        Verify.Code("""
            VideoMessage M(string id, string url) => VideoMessage.Builder()
                .WithTo("+4915112345678") // the customer
                .WithVideo(v => v
                    .WithId(id)
                    .WithCaption("Hello"))
                .Build();
        """),
        KeepIdRemoveLink);

    [Fact]
    public Task KeepLink_MultiLineChain() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder()
                .WithId(id)
                .{|MG0001:WithLink(url)|}
                .Build();
        """),
        Verify.Code("""
            VideoMedia M(string id, string url) => VideoMedia.Builder()
                .WithLink(url)
                .Build();
        """),
        KeepLinkRemoveId);

    [Fact]
    public Task KeepId_Initializer_SingleLine() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia { Id = id, {|MG0001:Link = url|} };
        """),
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia { Id = id };
        """),
        KeepIdRemoveLink);

    [Fact]
    public Task KeepLink_Initializer_MultiLine() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia
            {
                Id = id,
                Caption = "c",
                {|MG0001:Link = url|},
            };
        """),
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia
            {
                Caption = "c",
                Link = url,
            };
        """),
        KeepLinkRemoveId);

    [Fact]
    public Task KeepId_Initializer_LastItemWithoutTrailingComma() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia
            {
                Id = id,
                {|MG0001:Link = url|}
            };
        """),
        Verify.Code("""
            VideoMedia M(string id, string url) => new VideoMedia
            {
                Id = id
            };
        """),
        KeepIdRemoveLink);

    [Fact]
    public Task KeepLink_SeparateStatements_RemovesTheStatement() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                // media
                b.WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                // media
                b.WithLink(url);
                return b.Build();
            }
        """),
        KeepLinkRemoveId);

    [Fact]
    public Task KeepId_SelfAssignmentStatement_IsRemoved() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b = b.WithId(id);
                b = b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.Code("""
            VideoMedia M(string id, string url)
            {
                var b = VideoMedia.Builder();
                b = b.WithId(id);
                return b.Build();
            }
        """),
        KeepIdRemoveLink);

    [Fact]
    public Task FixAll_KeepId_InDocument() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
            VideoMedia B(string id, string url) => VideoMedia.Builder().WithLink(url).{|MG0001:WithId(id)|}.Build();
            VideoMedia C(string id, string url) => new VideoMedia { Link = url, {|MG0001:Id = id|} };
            VideoMedia D(string id, string url)
            {
                var b = VideoMedia.Builder().WithId(id);
                b.{|MG0001:WithLink(url)|};
                return b.Build();
            }
        """),
        Verify.Code("""
            VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).Build();
            VideoMedia B(string id, string url) => VideoMedia.Builder().WithId(id).Build();
            VideoMedia C(string id, string url) => new VideoMedia { Id = id };
            VideoMedia D(string id, string url)
            {
                var b = VideoMedia.Builder().WithId(id);
                return b.Build();
            }
        """),
        KeepIdRemoveLink,
        iterations: 4);

    [Fact]
    public Task RemoveCaption_Chain() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => v.{|MG0002:WithCaption("Hello")|}.WithId("1").WithId(null))
                .Build();
        """),
        Verify.Code("""
            VideoMessage M() => VideoMessage.Builder()
                .WithTo("+4915112345678")
                .WithVideo(v => {|MG0003:v.WithId("1").WithId(null)|})
                .Build();
        """),
        RemoveCaption);

    [Fact]
    public Task FixAll_RemoveCaption() => Verify.CodeFixAsync(
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().{|MG0002:WithCaption("a")|}.WithLink(default(Uri)).Build();
            VideoMedia B() => new VideoMedia { {|MG0002:Caption = "b"|} };
            VideoMedia C()
            {
                var b = VideoMedia.Builder();
                b.{|MG0002:WithCaption("c")|};
                return b.Build();
            }
        """),
        Verify.Code("""
            VideoMedia A() => VideoMedia.Builder().WithLink(default(Uri)).{|MG0003:Build()|};
            VideoMedia B() => new {|MG0003:VideoMedia|} { };
            VideoMedia C()
            {
                var b = VideoMedia.Builder();
                return b.{|MG0003:Build()|};
            }
        """),
        RemoveCaption,
        iterations: 3);

    [Fact]
    public Task SecondSchema_RemoveCaption() => Verify.CodeFixAsync(
        Verify.Code("""
            PhotoMedia M(string id) => PhotoMedia.Builder().WithId(id).{|MG0002:WithCaption("c")|}.Build();
        """),
        Verify.Code("""
            PhotoMedia M(string id) => PhotoMedia.Builder().WithId(id).Build();
        """),
        RemoveCaption,
        schemas: new[] { Verify.PhotoSchema });

    [Fact]
    public Task FixAll_KeepLink_InProjectAndSolution() => Verify.CodeFixAsync(
        new[]
        {
            Verify.Code("""
                VideoMedia A(string id, string url) => VideoMedia.Builder().WithId(id).{|MG0001:WithLink(url)|}.Build();
            """),
            """
            using MessageGen.WhatsApp;

            public static class Other
            {
                public static VideoMedia B(string id, string url) => new VideoMedia { Link = url, {|MG0001:Id = id|} };
            }
            """,
        },
        new[]
        {
            Verify.Code("""
                VideoMedia A(string id, string url) => VideoMedia.Builder().WithLink(url).Build();
            """),
            """
            using MessageGen.WhatsApp;

            public static class Other
            {
                public static VideoMedia B(string id, string url) => new VideoMedia { Link = url };
            }
            """,
        },
        KeepLinkRemoveId,
        iterations: 2);
}
