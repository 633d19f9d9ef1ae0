using System.Text;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

public class FromJsonTests
{
    private const string Valid = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"id":"1"}}""";

    private static IReadOnlyList<ValidationError> Violations(string json)
        => Assert.Throws<MessageValidationException>(() => VideoMessage.FromJson(json)).Errors;

    [Fact]
    public void Reads_UTF8_bytes_and_text_alike()
    {
        Assert.Equal(Valid, VideoMessage.FromJson(Encoding.UTF8.GetBytes(Valid)).ToJson());
        Assert.Equal(Valid, VideoMessage.FromJson(Valid).ToJson());
    }

    [Fact]
    public void Unknown_members_are_rejected_with_their_byte_position_because_additionalProperties_is_false()
    {
        var json = Valid.Replace("\"video\":{", "\"video\":{\"url\":\"x\",", StringComparison.Ordinal);

        var violation = Assert.Single(Violations(json));
        Assert.Equal("$.video.url", violation.Path);
        Assert.Equal($"Unknown member 'url' (byte {json.IndexOf("\"x\"", StringComparison.Ordinal)}): the schema does not allow it. Remove it or check its spelling.", violation.Message);
    }

    [Fact]
    public void Wrong_types_say_what_was_expected_what_was_found_and_where()
    {
        var json = Valid.Replace("\"4915112345678\"", "4915112345678", StringComparison.Ordinal);

        var violation = Assert.Single(Violations(json));
        Assert.Equal(new ValidationError("$.to", $"Expected a string but found a number (byte {json.IndexOf("4915", StringComparison.Ordinal)})."), violation);
    }

    [Fact]
    public void A_member_of_the_wrong_type_is_not_also_reported_missing()
    {
        var json = Valid.Replace("{\"id\":\"1\"}", "\"1\"", StringComparison.Ordinal);

        var violation = Assert.Single(Violations(json));
        Assert.Equal("$.video", violation.Path);
        Assert.StartsWith("Expected an object but found a string", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_a_string()
    {
        var json = Valid.Replace("{\"id\":\"1\"}", "{\"id\":\"1\",\"caption\":null}", StringComparison.Ordinal);

        Assert.StartsWith("Expected a string but found null", Assert.Single(Violations(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_wrong_constants_are_reported()
    {
        var json = """{"recipient_type":"group","to":"4915112345678","type":"video","video":{"id":"1"}}""";

        Assert.Equal(
            new[]
            {
                new ValidationError("$.recipient_type", "'recipient_type' must be \"individual\" but is \"group\"."),
                new ValidationError("$.messaging_product", "Required member 'messaging_product' is missing."),
            },
            Violations(json));
    }

    [Fact]
    public void Duplicate_members_are_reported()
    {
        var json = Valid.Replace("\"to\":", "\"to\":\"1\",\"to\":", StringComparison.Ordinal);

        var violation = Assert.Single(Violations(json));
        Assert.Equal("$.to", violation.Path);
        Assert.StartsWith("Member 'to' occurs more than once", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_rules_are_checked_after_reading()
    {
        var json = Valid.Replace("{\"id\":\"1\"}", "{\"id\":\"1\",\"link\":\"https://example.com/a.mp4\"}", StringComparison.Ordinal);

        Assert.Equal("Exactly one of 'id' or 'link' must be set, but 'id' and 'link' are both set. Keep one.", Assert.Single(Violations(json)).Message);
    }

    [Theory]
    [InlineData("""{"to":"1",""", 9)]
    [InlineData("", 0)]
    [InlineData("""{"to":"1"}}""", 10)]
    [InlineData("""{"to":'1'}""", 6)]
    public void Malformed_json_throws_with_the_byte_position(string json, long position)
    {
        var error = Assert.Throws<MalformedJsonException>(() => VideoMessage.FromJson(json));

        Assert.Equal(position, error.BytePosition);
        Assert.Equal(1, error.LineNumber);
        Assert.StartsWith($"Malformed JSON for VideoMessage at line 1, byte {position}:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "Expected an object but found an array (byte 0).")]
    [InlineData("\"video\"", "Expected an object but found a string (byte 0).")]
    public void Input_that_is_not_an_object_is_a_violation_at_the_root(string json, string message)
    {
        Assert.Equal(new ValidationError("$", message), Assert.Single(Violations(json)));
    }
}
