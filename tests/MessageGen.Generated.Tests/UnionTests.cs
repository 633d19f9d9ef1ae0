using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>oneOf/anyOf of object schemas told apart by a constant member: an abstract base and a sealed type per alternative.</summary>
public class UnionTests
{
    [Fact]
    public void An_alternative_is_built_and_written_with_its_constant()
    {
        var notice = Notice.Builder().WithTo("4915112345678").WithContent(ButtonContent.Builder().WithLabel("Yes").Build()).Build();

        Assert.Equal("""{"to":"4915112345678","content":{"type":"button","label":"Yes"}}""", notice.ToJson());
        Assert.Equal("button", notice.Content.Type);
    }

    [Fact]
    public void The_reader_dispatches_on_the_constant()
    {
        var notice = Notice.FromJson("""{"to":"1","content":{"rows":["a","b"],"type":"list"}}""");

        var list = Assert.IsType<ListContent>(notice.Content);
        Assert.Equal(["a", "b"], list.Rows);
        Assert.Equal("""{"to":"1","content":{"type":"list","rows":["a","b"]}}""", notice.ToJson());
    }

    [Theory]
    [InlineData("""{"type":"carousel"}""", "$.content", "'type' is \"carousel\", which is none of the alternatives the schema allows: \"button\", \"list\".")]
    [InlineData("""{"label":"x"}""", "$.content", "'type' must be a string that says which alternative this is: one of \"button\", \"list\".")]
    [InlineData("""{"type":"button","label":"a label longer than twenty"}""", "$.content.label", "'label' is 26 characters long; the maximum is 20.")]
    [InlineData("""{"type":"list","rows":[]}""", "$.content.rows", "'rows' has 0 items; the minimum is 1.")]
    public void In_oneOf_an_unknown_or_broken_alternative_is_a_violation_at_its_path(string content, string path, string message)
    {
        var error = Assert.Throws<MessageValidationException>(() => Notice.FromJson($$"""{"to":"1","content":{{content}}}"""));

        Assert.Equal(new ValidationError(path, message), Assert.Single(error.Errors));
    }

    [Fact]
    public void In_anyOf_with_an_alternative_for_any_object_the_unknown_and_the_broken_are_kept_as_raw_JSON()
    {
        const string events = """[{"kind":"opened","at":1},{"kind":"viewed","extra":{"n":[1,2]}},{"kind":"clicked","button":"too long"},{"kind":"clicked","button":"ok"}]""";

        var notice = Notice.FromJson($$"""{"to":"1","content":{"type":"button","label":"x"},"events":{{events}}}""");

        Assert.Collection(
            notice.Events!,
            e => Assert.Equal(1, Assert.IsType<OpenedEvent>(e).At),
            e => Assert.Equal("""{"kind":"viewed","extra":{"n":[1,2]}}""", Assert.IsType<UnknownNoticeEvent>(e).RawJson),
            e => Assert.Equal("""{"kind":"clicked","button":"too long"}""", Assert.IsType<UnknownNoticeEvent>(e).RawJson),
            e => Assert.Equal("ok", Assert.IsType<ClickedEvent>(e).Button));
        Assert.Equal("viewed", notice.Events![1].Kind);
        Assert.Contains(events, notice.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alternative_validates_through_its_base()
    {
        NoticeContent content = new ButtonContent { Label = new string('x', 21) };

        Assert.Equal("$.label", Assert.Single(content.Validate()).Path);
    }
}
