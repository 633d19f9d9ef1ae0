namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>schema/text-message.schema.json: MG0004 on the body (1..4096 characters), MG0003 without it, MG0005 on <c>to</c>.</summary>
public class TextMessageTests
{
    private static readonly string MaxBody = new('x', 4096);
    private static readonly string LongBody = new('x', 4097);

    // ---- flagged ----

    [Fact]
    public Task BodyOverMaxLength() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Long = "{{LongBody}}";
            TextMessage A() => TextMessage.Builder().WithTo("+4915112345678").WithText(t => t.{|#0:WithBody(Long)|}).Build();
            TextContent B() => TextContent.Builder().{|#1:WithBody("{{LongBody}}")|}.WithPreviewUrl(true).Build();
            TextContent C() => new TextContent { {|#2:Body = Long|}, PreviewUrl = false };
            TextMessage D() => new TextMessage { To = "+4915112345678", Text = new TextContent { {|#3:Body = Long|} } };
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(3).WithArguments("body", 4097, "at most 4096"));

    [Fact]
    public Task BodyFromConstantConcatenationAndInterpolation() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Half = "{{new string('x', 2048)}}";
            const string Greeting = $"{Half}{Half}!";
            TextContent A() => TextContent.Builder().{|#0:WithBody(Half + Half + "!")|}.Build();
            TextContent B() => TextContent.Builder().{|#1:WithBody(Greeting)|}.Build();
            TextContent C() => new TextContent { {|#2:Body = $"{Half}-{Half}"|} };
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("body", 4097, "at most 4096"));

    [Fact]
    public Task EmptyBody() => Verify.AnalyzerAsync(
        Verify.Code("""
            TextContent A() => TextContent.Builder().{|#0:WithBody("")|}.Build();
            TextContent B() => new TextContent { {|#1:Body = string.Empty|} };
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("body", 0, "at least 1"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("body", 0, "at least 1"));

    [Fact]
    public Task FieldAndPropertyInitializers() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            static readonly TextContent Empty = new TextContent { {|#0:Body = ""|} };
            static TextContentBuilder Long { get; } = TextContent.Builder().{|#1:WithBody("{{LongBody}}")|};
            TextContent Greeting => TextContent.Builder().{|#2:WithBody("")|}.Build();
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("body", 0, "at least 1"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("body", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("body", 0, "at least 1"));

    [Fact]
    public Task BodyMissing() => Verify.AnalyzerAsync(
        Verify.Code("""
            TextContent A() => TextContent.Builder().WithPreviewUrl(true).{|#0:Build()|};
            TextMessage B() => TextMessage.Builder().WithTo("+4915112345678").WithText(t => {|#1:t.WithBody(null)|}).Build();
            TextMessage C() => TextMessage.Builder().WithText(t => t.WithBody("hi")).{|#2:Build()|};
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("TextContent", "'body', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("TextContent", "'body', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("TextMessage", "'to', which the schema requires"));

    [Fact]
    public Task ToNotMatchingPattern() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Country = "+49";
            TextMessage A() => TextMessage.Builder().{|#0:WithTo($"{Country} 151")|}.WithText(t => t.WithBody("hi")).Build();
            TextMessage B() => new TextMessage { {|#1:To = "12345"|}, Text = new TextContent { Body = "hi" } };
        """),
        Verify.TextSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "+49 151", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0005").WithLocation(1).WithArguments("to", "12345", "^\\+?[0-9]{6,15}$"));

    // ---- not flagged ----

    [Fact]
    public Task BodyAtTheLimitAndRuntimeValues_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Max = "{{MaxBody}}";
            TextMessage A() => TextMessage.Builder().WithTo("+4915112345678").WithText(t => t.WithBody(Max).WithPreviewUrl(false)).Build();
            TextContent B() => new TextContent { Body = "{{string.Concat(Enumerable.Repeat("😀", 4096))}}" };
            TextContent C(string body) => TextContent.Builder().WithBody(body).Build();
            TextContent D(int n) => TextContent.Builder().WithBody($"{Max}{n}").Build();
            TextContent E()
            {
                var body = Max + "!";
                return new TextContent { Body = body };
            }
            TextContent F() => new TextContent { Body = "x" };
        """),
        Verify.TextSchema);

    [Fact]
    public Task UsersOwnTypesWithTheSameNames_NotFlagged() => Verify.AnalyzerAsync(
        $$"""
        namespace MyApp
        {
            public sealed class TextContent
            {
                public string? Body { get; init; }
                public static TextContentBuilder Builder() => new();
            }

            public sealed class TextContentBuilder
            {
                public TextContentBuilder WithBody(string body) => this;
                public TextContent Build() => new();
            }

            public static class Texts
            {
                public static TextContent A() => new TextContent { Body = "" };
                public static TextContent B() => TextContent.Builder().WithBody("{{LongBody}}").Build();
            }
        }
        """,
        Verify.TextSchema);
}
