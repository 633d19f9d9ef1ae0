namespace MessageGen.Analyzers.Tests;

/// <summary>
/// The builders' <c>Add{Singular}</c> methods (array members) and <c>With{Alternative}</c> methods (union members) set
/// their member as the <c>With</c> methods do: MG0003 sees the member set, and the lambdas they take are builders of
/// their own, whose required members and constants are checked.
/// </summary>
public class CollectionAndUnionBuilderTests
{
    private const string InteractiveSchema = "interactive-message.schema.json";
    private const string ContactsSchema = "contacts-message.schema.json";
    private static readonly string[] Schemas = [InteractiveSchema, ContactsSchema];

    [Fact]
    public Task AddAndWithAlternativeSetTheirMembers_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ButtonAction A() => new ButtonActionBuilder().AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes"))).Build();
            ButtonAction B(ReplyButton button) => new ButtonActionBuilder().AddButton(button).Build();
            InteractiveMessage C() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithButtonInteractive(i => i
                    .WithTextHeader(h => h.WithText("Menu"))
                    .WithBody(b => b.WithText("Pick one"))
                    .WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("yes").WithTitle("Yes")))))
                .Build();
            InteractiveMessage D() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithListInteractive(l => l
                    .WithBody(b => b.WithText("Pick one"))
                    .WithAction(a => a.WithButton("Open").AddSection(s => s.WithTitle("A").AddRow(r => r.WithId("1").WithTitle("One")))))
                .Build();
            ContactsMessage E() => ContactsMessage.Builder()
                .WithTo("+4915112345678")
                .AddContact(c => c.WithName(n => n.WithFormattedName("Anna")).AddPhone(p => p.WithPhone("+4915112345678")))
                .Build();
        """),
        Schemas);

    [Fact]
    public Task StraightLineLocal_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ListAction M()
            {
                var b = new ListActionBuilder();
                b.WithButton("Open");
                b.AddSection(s => s.AddRow(r => r.WithId("1").WithTitle("One")));
                return b.Build();
            }
            InteractiveMessage N()
            {
                var b = InteractiveMessage.Builder().WithTo("+4915112345678");
                b.WithCtaUrlInteractive(i => i
                    .WithBody(b => b.WithText("See the menu"))
                    .WithAction(a => a.WithParameters(p => p.WithDisplayText("Open").WithUrl("https://example.com/menu"))));
                return b.Build();
            }
        """),
        Schemas);

    [Fact]
    public Task MemberMissingOrClearedAfterAdd() => Verify.AnalyzerAsync(
        Verify.Code("""
            ButtonAction A() => new ButtonActionBuilder().{|#0:Build()|};
            ButtonAction B(ReplyButton button) => new ButtonActionBuilder().AddButton(button).WithButtons(null).{|#1:Build()|};
            InteractiveMessage C() => InteractiveMessage.Builder().WithTo("+4915112345678").WithInteractive(null).{|#2:Build()|};
            // The chains are followed through Add and With{Alternative}: only what is really missing is reported.
            ListAction D() => new ListActionBuilder().AddSection(s => s.AddRow(r => r.WithId("1").WithTitle("One"))).{|#3:Build()|};
            InteractiveMessage E() => InteractiveMessage.Builder()
                .WithButtonInteractive(i => i.WithBody(b => b.WithText("Pick one")).WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("1").WithTitle("One")))))
                .{|#4:Build()|};
        """),
        Schemas,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ButtonAction", "'buttons', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ButtonAction", "'buttons', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("InteractiveMessage", "'interactive', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(3).WithArguments("ListAction", "'button', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(4).WithArguments("InteractiveMessage", "'to', which the schema requires"));

    [Fact]
    public Task RequiredMembersInsideTheLambdas() => Verify.AnalyzerAsync(
        Verify.Code("""
            ButtonAction A() => new ButtonActionBuilder().AddButton(b => {|#0:b|}).Build();
            InteractiveMessage B() => InteractiveMessage.Builder()
                .WithTo("+4915112345678")
                .WithButtonInteractive(i => {|#1:i.WithBody(b => b.WithText("Pick one"))|})
                .Build();
            ContactsMessage C() => ContactsMessage.Builder()
                .WithTo("+4915112345678")
                .AddContact(c => {|#2:c.AddPhone(p => p.WithPhone("+4915112345678"))|})
                .Build();
        """),
        Schemas,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ReplyButton", "'reply', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ButtonInteractive", "'action', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("ContactCard", "'name', which the schema requires"));

    [Fact]
    public Task ConstantsInsideTheLambdasAreChecked() => Verify.AnalyzerAsync(
        Verify.Code("""
            ButtonAction A() => new ButtonActionBuilder()
                .AddButton(b => b.WithReply(r => r.WithId("yes").{|#0:WithTitle("Twenty-one characters")|}))
                .Build();
            ButtonInteractive B() => new ButtonInteractiveBuilder()
                .WithTextHeader(h => h.{|#1:WithText("")|})
                .WithImageHeader(h => h.WithImage(i => i.{|#2:WithLink("http://example.com/menu.png")|}))
                .WithBody(b => b.WithText("Pick one"))
                .WithAction(a => a.AddButton(b => b.WithReply(r => r.WithId("1").WithTitle("One"))))
                .Build();
        """),
        Schemas,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("title", 21, "at most 20"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("text", 0, "at least 1"),
        Verify.Diagnostic("MG0006").WithLocation(2).WithArguments("link", "http://example.com/menu.png", "uses 'http', but WhatsApp fetches media only over https"));
}
