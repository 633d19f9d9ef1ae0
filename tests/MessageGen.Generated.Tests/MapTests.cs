using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>An object whose members are all described by <c>additionalProperties</c>: a read-only dictionary.</summary>
public class MapTests
{
    [Fact]
    public void A_map_is_built_copied_and_written_in_order()
    {
        var headers = new Dictionary<string, string> { ["X-Secret"] = "s3cr3t", ["X-Team"] = "ops" };
        var config = HookConfig.Builder().WithUrl("https://example.com/hook").WithHeaders(headers).Build();
        headers["X-Later"] = "ignored";

        Assert.Equal("""{"url":"https://example.com/hook","headers":{"X-Secret":"s3cr3t","X-Team":"ops"}}""", config.ToJson());
    }

    [Fact]
    public void A_map_is_read_with_every_member()
    {
        var config = HookConfig.FromJson("""{"url":"https://example.com/","headers":{"A":"1","B":"2"},"weights":{"x":0.5,"y":2}}""");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, config.Headers);
        Assert.Equal(2, config.Weights!["y"]);
    }

    [Theory]
    [InlineData("""{"url":"https://e.com/","headers":{"X-Secret":"longer than ten"}}""", "$.headers.X-Secret", "'X-Secret' is 15 characters long; the maximum is 10.")]
    [InlineData("""{"url":"https://e.com/","weights":{"x":-1}}""", "$.weights.x", "'x' is -1; the minimum is 0.")]
    [InlineData("""{"url":"https://e.com/","headers":{"A":1}}""", "$.headers.A", "Expected a string but found a number (byte 39).")]
    public void Every_member_of_a_map_keeps_the_schema(string json, string path, string message)
    {
        var error = Assert.Throws<MessageValidationException>(() => HookConfig.FromJson(json));

        Assert.Equal(new ValidationError(path, message), Assert.Single(error.Errors));
    }

    [Fact]
    public void A_null_inner_array_is_reported_by_Build_not_thrown_by_WriteTo()
    {
        var error = Assert.Throws<MessageValidationException>(
            () => HookConfig.Builder().WithUrl("https://e.com/").WithFlags([[true], null!]).Build());

        Assert.Equal(new ValidationError("$.flags[1]", "Items must not be null."), Assert.Single(error.Errors));
    }

    [Fact]
    public void A_key_given_twice_is_reported()
    {
        var error = Assert.Throws<MessageValidationException>(() => HookConfig.FromJson("""{"url":"https://e.com/","headers":{"A":"1","A":"2"}}"""));

        Assert.Equal("$.headers.A", Assert.Single(error.Errors).Path);
    }
}
