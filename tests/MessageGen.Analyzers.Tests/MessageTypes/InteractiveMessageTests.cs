namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/interactive-message.schema.json (reply buttons, lists, a call-to-action URL; headers of text, image, video or
/// document): MG0004 on every length limit, MG0001/MG0003 on header media, MG0006 on the CTA url, MG0003 on required
/// members, constants in nested builders inside arrays and collection expressions.
/// </summary>
public class InteractiveMessageTests
{
    private static string Text(int length) => new('x', length);

    // ---- flagged: reply buttons ----

    [Fact]
    public Task ReplyButtonTitleAndIdTooLong_InArrays() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Title21 = "{{Text(21)}}";
            InteractiveMessage A() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithInteractive(ButtonInteractive.Builder()
                    .WithBody(b => b.WithText("Pick one"))
                    .WithAction(a => a.WithButtons(new[]
                    {
                        ReplyButton.Builder().WithReply(r => r.WithId("yes").WithTitle("Yes")).Build(),
                        ReplyButton.Builder().WithReply(r => r.WithId("no").{|#0:WithTitle(Title21)|}).Build(),
                        ReplyButton.Builder().WithReply(r => r.{|#1:WithId("{{Text(257)}}")|}.WithTitle("Maybe")).Build(),
                    }))
                    .Build())
                .Build();
            ButtonAction B() => ButtonAction.Builder()
                .WithButtons([ReplyButton.Builder().WithReply(ReplyButtonContent.Builder().WithId("1").{|#2:WithTitle($"{Title21}")|}.Build()).Build()])
                .Build();
            ButtonAction C() => new ButtonAction
            {
                Buttons = new ReplyButton[]
                {
                    new ReplyButton { Reply = new ReplyButtonContent { Id = "1", {|#3:Title = Title21|} } },
                    new() { Reply = new() { {|#4:Id = ""|}, Title = "Ok" } },
                },
            };
            ButtonAction D()
            {
                var buttons = new System.Collections.Generic.List<ReplyButton> { new ReplyButton { Reply = new ReplyButtonContent { Id = "1", {|#5:Title = Title21|} } } };
                return ButtonAction.Builder().WithButtons(buttons).Build();
            }
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("title", 21, "at most 20"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("id", 257, "at most 256"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("title", 21, "at most 20"),
        Verify.Diagnostic("MG0004").WithLocation(3).WithArguments("title", 21, "at most 20"),
        Verify.Diagnostic("MG0004").WithLocation(4).WithArguments("id", 0, "at least 1"),
        Verify.Diagnostic("MG0004").WithLocation(5).WithArguments("title", 21, "at most 20"));

    [Fact]
    public Task BodyHeaderAndFooterTooLong() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            ButtonInteractive A(ButtonAction action) => ButtonInteractive.Builder()
                .WithHeader(TextHeader.Builder().{|#0:WithText("{{Text(61)}}")|}.Build())
                .WithBody(b => b.{|#1:WithText("{{Text(1025)}}")|})
                .WithFooter(f => f.{|#2:WithText("{{Text(61)}}")|})
                .WithAction(action)
                .Build();
            ListInteractive B(ListAction action) => new ListInteractive
            {
                Header = new TextHeader { {|#3:Text = "{{Text(61)}}"|} },
                Body = new ListBody { {|#4:Text = "{{Text(4097)}}"|} },
                Footer = new InteractiveFooter { {|#5:Text = ""|} },
                Action = action,
            };
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("text", 61, "at most 60"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("text", 1025, "at most 1024"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("text", 61, "at most 60"),
        Verify.Diagnostic("MG0004").WithLocation(3).WithArguments("text", 61, "at most 60"),
        Verify.Diagnostic("MG0004").WithLocation(4).WithArguments("text", 4097, "at most 4096"),
        Verify.Diagnostic("MG0004").WithLocation(5).WithArguments("text", 0, "at least 1"));

    // ---- flagged: lists ----

    [Fact]
    public Task ListButtonSectionAndRowsTooLong() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            InteractiveMessage A() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithInteractive(ListInteractive.Builder()
                    .WithBody(b => b.WithText("Choose"))
                    .WithAction(a => a
                        .{|#0:WithButton("{{Text(21)}}")|}
                        .WithSections(new[]
                        {
                            ListSection.Builder()
                                .{|#1:WithTitle("{{Text(25)}}")|}
                                .WithRows(new[]
                                {
                                    ListRow.Builder().WithId("r1").{|#2:WithTitle("{{Text(25)}}")|}.Build(),
                                    ListRow.Builder().WithId("r2").WithTitle("Row").{|#3:WithDescription("{{Text(73)}}")|}.Build(),
                                    ListRow.Builder().{|#4:WithId("{{Text(201)}}")|}.WithTitle("Row").Build(),
                                })
                                .Build(),
                        }))
                    .Build())
                .Build();
            ListSection B() => new ListSection
            {
                Rows = [new ListRow { Id = "r1", {|#5:Title = "{{Text(25)}}"|}, {|#6:Description = "{{Text(73)}}"|} }],
            };
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("button", 21, "at most 20"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("title", 25, "at most 24"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("title", 25, "at most 24"),
        Verify.Diagnostic("MG0004").WithLocation(3).WithArguments("description", 73, "at most 72"),
        Verify.Diagnostic("MG0004").WithLocation(4).WithArguments("id", 201, "at most 200"),
        Verify.Diagnostic("MG0004").WithLocation(5).WithArguments("title", 25, "at most 24"),
        Verify.Diagnostic("MG0004").WithLocation(6).WithArguments("description", 73, "at most 72"));

    [Fact]
    public Task ConstantsInRowsMadeFromRuntimeData() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            ListSection A(string[] ids) => ListSection.Builder()
                .WithRows(System.Linq.Enumerable.Select(ids, id => ListRow.Builder().WithId(id).{|#0:WithTitle("{{Text(25)}}")|}.Build()))
                .Build();
            ListSection B(string[] ids) => new ListSection
            {
                Rows = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(ids, id => new ListRow { Id = id, Title = id, {|#1:Description = "{{Text(73)}}"|} })),
            };
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("title", 25, "at most 24"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("description", 73, "at most 72"));

    // ---- flagged: call to action ----

    [Fact]
    public Task CtaDisplayTextTooLongAndUrlNotHttps() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            const string Site = "example.com";
            InteractiveMessage A() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithInteractive(CtaUrlInteractive.Builder()
                    .WithBody(b => b.WithText("See the offer"))
                    .WithAction(a => a.WithParameters(p => p.{|#0:WithDisplayText("{{Text(21)}}")|}.{|#1:WithUrl($"http://{Site}/offer")|}))
                    .Build())
                .Build();
            CtaUrlParameters B() => CtaUrlParameters.Builder().WithDisplayText("Open").{|#2:WithUrl(new Uri("ftp://example.com"))|}.Build();
            CtaUrlParameters C() => new CtaUrlParameters { DisplayText = "Open", {|#3:Url = "/offer"|} };
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("display_text", 21, "at most 20"),
        Verify.Diagnostic("MG0006").WithLocation(1).WithArguments("url", "http://example.com/offer", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("url", "ftp://example.com", "uses 'ftp', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("url", "/offer", "is not an absolute URI"));

    // ---- flagged: header media ----

    [Fact]
    public Task HeaderMediaWithIdAndLink() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageHeader A(string id, string url) => ImageHeader.Builder().WithImage(i => i.WithId(id).{|#0:WithLink(url)|}).Build();
            VideoHeader B(string id) => VideoHeader.Builder().WithVideo(v => v.WithLink("https://example.com/v.mp4").{|#1:WithId(id)|}).Build();
            DocumentHeader C(string id, Uri url) => new DocumentHeader { Document = new HeaderDocument { Id = id, {|#2:Link = url.AbsoluteUri|}, Filename = "a.pdf" } };
            HeaderImage D(string id, string url) => new HeaderImage { Link = url, {|#3:Id = id|} };
            HeaderVideo E(string id, string url) => HeaderVideo.Builder().WithId(id).{|#4:WithLink(url)|}.Build();
            HeaderDocument F(string id, string url)
            {
                var d = HeaderDocument.Builder();
                d.WithId(id);
                d.WithFilename("a.pdf");
                d.{|#5:WithLink(new Uri(url))|};
                return d.Build();
            }
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0001").WithLocation(0).WithArguments("link", "id", "HeaderImage").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0001").WithLocation(1).WithArguments("id", "link", "HeaderVideo").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0001").WithLocation(2).WithArguments("link", "id", "HeaderDocument").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0001").WithLocation(3).WithArguments("id", "link", "HeaderImage").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0001").WithLocation(4).WithArguments("link", "id", "HeaderVideo").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
        Verify.Diagnostic("MG0001").WithLocation(5).WithArguments("link", "id", "HeaderDocument").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task HeaderMediaWithNeitherAndBadValues() => Verify.AnalyzerAsync(
        Verify.Code("""
            HeaderVideo A() => HeaderVideo.Builder().{|#0:Build()|};
            ImageHeader B() => ImageHeader.Builder().WithImage(i => {|#1:i|}).Build();
            DocumentHeader C() => DocumentHeader.Builder().WithDocument(d => {|#2:d.WithFilename("a.pdf")|}).Build();
            HeaderImage D() => HeaderImage.Builder().{|#3:WithLink("http://example.com/a.png")|}.Build();
            HeaderDocument E(string id) => HeaderDocument.Builder().WithId(id).{|#4:WithFilename("")|}.Build();
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("HeaderVideo", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("HeaderImage", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("HeaderDocument", "'id' or 'link': the schema requires exactly one of them"),
        Verify.Diagnostic("MG0006").WithLocation(3).WithArguments("link", "http://example.com/a.png", "uses 'http', but WhatsApp fetches media only over https"),
        Verify.Diagnostic("MG0004").WithLocation(4).WithArguments("filename", 0, "at least 1"));

    // ---- flagged: required members ----

    [Fact]
    public Task RequiredMembersMissing() => Verify.AnalyzerAsync(
        Verify.Code("""
            ReplyButtonContent A() => ReplyButtonContent.Builder().WithId("1").{|#0:Build()|};
            ButtonInteractive B() => ButtonInteractive.Builder().WithBody(b => b.WithText("Pick")).{|#1:Build()|};
            CtaUrlAction C() => CtaUrlAction.Builder().WithParameters(p => {|#2:p.WithDisplayText("Open")|}).Build();
            ListRow D() => ListRow.Builder().WithTitle("Row").{|#3:Build()|};
            InteractiveMessage E(Interactive content) => InteractiveMessage.Builder().WithInteractive(content).{|#4:Build()|};
            ButtonAction F() => ButtonAction.Builder()
                .WithButtons(new[]
                {
                    ReplyButton.Builder().WithReply(r => r.WithId("yes").WithTitle("Yes")).Build(),
                    ReplyButton.Builder().WithReply(r => {|#5:r.WithId("no")|}).Build(),
                    ReplyButton.Builder().{|#6:Build()|},
                })
                .Build();
        """),
        Verify.InteractiveSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ReplyButtonContent", "'title', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ButtonInteractive", "'action', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("CtaUrlParameters", "'url', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(3).WithArguments("ListRow", "'id', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(4).WithArguments("InteractiveMessage", "'to', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(5).WithArguments("ReplyButtonContent", "'title', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(6).WithArguments("ReplyButton", "'reply', which the schema requires"));

    // ---- not flagged ----

    [Fact]
    public Task EveryLimitExactly_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code($$"""
            InteractiveMessage A() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithInteractive(ButtonInteractive.Builder()
                    .WithHeader(new TextHeader { Text = "{{Text(60)}}" })
                    .WithBody(b => b.WithText("{{Text(1024)}}"))
                    .WithFooter(f => f.WithText("{{Text(60)}}"))
                    .WithAction(a => a.WithButtons(new[]
                    {
                        ReplyButton.Builder().WithReply(r => r.WithId("{{Text(256)}}").WithTitle("{{Text(20)}}")).Build(),
                        new ReplyButton { Reply = new ReplyButtonContent { Id = "x", Title = "{{string.Concat(Enumerable.Repeat("🙂", 20))}}" } },
                    }))
                    .Build())
                .Build();
            InteractiveMessage B() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithInteractive(ListInteractive.Builder()
                    .WithHeader(h => h.WithText("{{Text(60)}}"))
                    .WithBody(b => b.WithText("{{Text(4096)}}"))
                    .WithAction(a => a
                        .WithButton("{{Text(20)}}")
                        .WithSections([
                            new ListSection
                            {
                                Title = "{{Text(24)}}",
                                Rows = [new ListRow { Id = "{{Text(200)}}", Title = "{{Text(24)}}", Description = "{{Text(72)}}" }],
                            },
                        ]))
                    .Build())
                .Build();
            InteractiveMessage C() => new InteractiveMessage
            {
                To = "+4915112345678",
                Interactive = new CtaUrlInteractive
                {
                    Header = new ImageHeader { Image = new HeaderImage { Link = "https://example.com/a.png" } },
                    Body = new ButtonBody { Text = "See" },
                    Action = new CtaUrlAction { Parameters = new CtaUrlParameters { DisplayText = "{{Text(20)}}", Url = "https://example.com/offer?x=1" } },
                },
            };
        """),
        Verify.InteractiveSchema);

    [Fact]
    public Task HeaderMediaOneOfAndRuntimeValues_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ImageHeader A(string id) => ImageHeader.Builder().WithImage(i => i.WithId(id)).Build();
            VideoHeader B(Uri url) => VideoHeader.Builder().WithVideo(v => v.WithLink(url)).Build();
            DocumentHeader C(string? id, string url) => new DocumentHeader { Document = new HeaderDocument { Id = id, Link = id is null ? url : null, Filename = "a.pdf" } };
            ReplyButtonContent D(string id, string title) => ReplyButtonContent.Builder().WithId(id).WithTitle(title).Build();
            CtaUrlParameters E(string text, string url) => new CtaUrlParameters { DisplayText = text, Url = url };
            ListRow F(int i) => ListRow.Builder().WithId($"row-{i}").WithTitle($"Row number {i} of many, many rows").Build();
            ReplyButton G(Func<ReplyButtonContentBuilder, ReplyButtonContentBuilder> reply) => ReplyButton.Builder().WithReply(reply).Build();
        """),
        Verify.InteractiveSchema);
}
