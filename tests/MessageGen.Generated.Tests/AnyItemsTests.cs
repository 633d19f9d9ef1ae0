using System.Text.Json;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>Arrays without <c>items</c> (or with <c>items: true</c> or <c>{}</c>): every item is any JSON value, kept as a <see cref="JsonElement"/>.</summary>
public class AnyItemsTests
{
    private static IReadOnlyList<ValidationError> Read(string json) => Violations.Of(() => EventLog.FromJson(json));

    private static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    [Fact]
    public void Any_values_are_read_and_written_back_compactly_as_received()
    {
        const string json = """
            { "payload": [ 1.0, 1e400, "caf\u00e9 \"q\"", { "a" : [ true, null ] } ],
              "rows": [ [ "x", -0 ], [] ] }
            """;

        var log = EventLog.FromJson(json);

        Assert.Equal(JsonValueKind.Object, log.Payload[3].ValueKind);
        Assert.Equal("""{"payload":[1.0,1e400,"caf\u00e9 \"q\"",{"a":[true,null]}],"rows":[["x",-0],[]]}""", log.ToJson());
    }

    [Theory]
    [InlineData("""{"payload":[1],"tags":[1,"1",true,null,{},[]]}""")]
    [InlineData("""{"payload":[1],"tags":[[1,2],[2,1],{"a":1},{"a":1,"b":1}]}""")]
    [InlineData("""{"payload":[1],"tags":[9007199254740993,9007199254740992,0.1,0.10000000000000001]}""")]
    [InlineData("""{"payload":[1],"tags":["a","A"," a",false,0]}""")]
    public void Unique_items_differ_as_JSON_values(string json) => Assert.Empty(Read(json));

    [Theory]
    [InlineData("""{"payload":[1],"tags":[1,1.0]}""", 1)]
    [InlineData("""{"payload":[1],"tags":[100,1e2]}""", 1)]
    [InlineData("""{"payload":[1],"tags":[0.5,5E-1]}""", 1)]
    [InlineData("""{"payload":[1],"tags":[0,-0.0]}""", 1)]
    [InlineData("""{"payload":[1],"tags":["a","\u0061"]}""", 1)]
    [InlineData("""{"payload":[1],"tags":[{"a":1,"b":[1,{}]},{"b":[1.0,{}],"a":1}]}""", 1)]
    [InlineData("""{"payload":[1],"tags":[null,true,[null],[null]]}""", 3)]
    public void Items_equal_as_JSON_values_break_uniqueItems(string json, int repeated)
    {
        var violation = Assert.Single(Read(json));

        Assert.Equal(new ValidationError("$.tags", $"'tags' must hold unique items, but item {repeated} repeats an earlier one."), violation);
    }

    [Theory]
    [InlineData("""{"payload":[]}""", "$.payload", "'payload' has 0 items; the minimum is 1.")]
    [InlineData("""{"payload":[1,2,3,4,5]}""", "$.payload", "'payload' has 5 items; the maximum is 4.")]
    [InlineData("""{"payload":{"a":1}}""", "$.payload", "Expected an array but found an object (byte 11).")]
    [InlineData("""{"payload":[1,{"a":1,"b":{"a":2,"a":3}}]}""", "$.payload[1]", "Member 'a' occurs more than once in one object (byte 32). Keep one.")]
    public void The_array_keywords_still_apply(string json, string path, string message)
    {
        Assert.Equal(new ValidationError(path, message), Assert.Single(Read(json)));
    }

    [Theory]
    [InlineData("""{"payload":["\ud800"]}""")]
    [InlineData("""{"payload":[{"\udc00":1}]}""")]
    public void Text_that_is_not_Unicode_inside_any_value_is_malformed(string json)
    {
        Assert.Throws<MalformedJsonException>(() => EventLog.FromJson(json));
    }

    [Fact]
    public void Build_copies_the_values_out_of_their_document_and_checks_the_array()
    {
        EventLog log;
        using (var document = JsonDocument.Parse("""[{"id": 7}, "x"]"""))
        {
            log = EventLog.Builder().WithPayload(document.RootElement.EnumerateArray()).WithTags([Json("1"), Json("\"1\"")]).Build();
        }

        Assert.Equal("""{"payload":[{"id":7},"x"],"tags":[1,"1"]}""", log.ToJson());
        var error = Assert.Throws<MessageValidationException>(() => EventLog.Builder().WithPayload([Json("1")]).WithTags([Json("{\"a\":1}"), Json("{ \"a\": 1.0 }")]).Build());
        Assert.Equal("$.tags", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void A_default_element_holds_no_value_and_is_reported_by_Validate()
    {
        var log = new EventLog { Payload = [Json("1"), default] };

        Assert.Equal(new ValidationError("$.payload[1]", "'item [1]' is default(JsonElement), which holds no JSON value."), Assert.Single(log.Validate()));
    }

    [Fact]
    public void What_ToJson_writes_reads_back_to_the_same_values()
    {
        var log = EventLog.Builder().WithPayload([Json("[1, 2.50]"), Json("\"\\u00e9\\n\"")]).WithRows([[Json("{ }"), Json("null")]]).Build();

        var json = log.ToJson();

        Assert.Equal("""{"payload":[[1,2.50],"\u00e9\n"],"rows":[[{},null]]}""", json);
        Assert.Equal(json, EventLog.FromJson(json).ToJson());
    }
}
