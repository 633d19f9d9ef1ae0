using System.Text;
using MessageGen.Serialization;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>Input an attacker (or a broken proxy) sends: it must end in the documented exceptions, bounded in cost.</summary>
public class HostileInputTests
{
    private const string Valid = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"id":"1"}}""";

    public static TheoryData<string, byte[]> NotUnicode => new()
    {
        { "invalid UTF-8 in a value", Replace(Valid, "\"1\"", [(byte)'"', 0xFF, 0xFE, (byte)'"']) },
        { "invalid UTF-8 in a constant", Replace(Valid, "\"whatsapp\"", [(byte)'"', 0xC3, (byte)'"']) },
        { "a lone high surrogate escaped in a value", Encoding.UTF8.GetBytes(Valid.Replace("\"1\"", "\"\\ud800\"", StringComparison.Ordinal)) },
        { "a lone low surrogate escaped in a value", Encoding.UTF8.GetBytes(Valid.Replace("\"1\"", "\"wamid.\\udc00\"", StringComparison.Ordinal)) },
        { "invalid UTF-8 in an unknown member's name", Replace(Valid, "\"id\":", [(byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)',', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':']) },
        { "a lone surrogate escaped in an unknown member's name", Encoding.UTF8.GetBytes(Valid.Replace("\"id\":", "\"\\ud800x\":1,\"id\":", StringComparison.Ordinal)) },
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void Text_that_is_not_Unicode_is_malformed_JSON_with_its_position(string where, byte[] json)
    {
        var error = Assert.Throws<MalformedJsonException>(() => VideoMessage.FromJson(json));

        Assert.True(error.MessageType == "VideoMessage", where);
        Assert.Equal(1, error.LineNumber);
        Assert.InRange(error.BytePosition, 1, json.Length);
        Assert.Contains("not valid UTF-8 or escapes a lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_text_on_a_later_line_is_reported_at_that_line_and_column()
    {
        var json = Encoding.UTF8.GetBytes("{\n  \"to\": \"\\ud800\"\n}");

        var error = Assert.Throws<MalformedJsonException>(() => VideoMessage.FromJson(json));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(8, error.BytePosition);
    }

    [Fact]
    public void A_member_of_a_tolerant_type_with_a_name_that_is_not_Unicode_is_malformed_too()
    {
        var json = Encoding.UTF8.GetBytes("""{"messages":[{"id":"wamid.1"}],"\ud800":1}""");

        Assert.Throws<MalformedJsonException>(() => SendMessageResponse.FromJson(json));
    }

    [Fact]
    public void A_million_unknown_members_keep_the_first_hundred_violations_and_count_the_rest()
    {
        const int unknown = 1_000_000;
        var json = new StringBuilder(Valid.Length + (unknown * 12)).Append(Valid, 0, Valid.Length - 1);
        for (var i = 0; i < unknown; i++)
        {
            json.Append(",\"u").Append(i).Append("\":0");
        }

        var bytes = Encoding.UTF8.GetBytes(json.Append('}').ToString());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<MessageValidationException>(() => VideoMessage.FromJson(bytes));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(ValidationErrors.Capacity, error.Errors.Count);
        Assert.Equal(unknown, error.TotalCount);
        Assert.Equal("$.u0", error.Errors[0].Path);
        Assert.EndsWith($"… and {unknown - ValidationErrors.Capacity} more", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1024 * 1024, $"Reading allocated {allocated:N0} bytes; violations past the cap must cost nothing.");
    }

    [Fact]
    public void The_message_of_a_hand_made_list_of_violations_is_bounded_too()
    {
        var errors = Enumerable.Range(0, 250).Select(i => new ValidationError($"$.m{i}", "bad")).ToList();

        var error = new MessageValidationException("VideoMessage", errors);

        Assert.Equal(250, error.TotalCount);
        Assert.DoesNotContain("$.m100:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("… and 150 more", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+4915112345678\n")]
    [InlineData("4915112345678\n")]
    public void Dollar_in_a_pattern_is_the_end_of_input_so_a_trailing_newline_does_not_match(string to)
    {
        var built = Assert.Throws<MessageValidationException>(() => VideoMessage.Builder().WithTo(to).WithVideo(v => v.WithId("1")).Build());
        Assert.Equal("$.to", Assert.Single(built.Errors).Path);

        var json = Valid.Replace("\"4915112345678\"", "\"" + to.Replace("\n", "\\n", StringComparison.Ordinal) + "\"", StringComparison.Ordinal);
        var read = Assert.Throws<MessageValidationException>(() => VideoMessage.FromJson(json));
        Assert.Equal("$.to", Assert.Single(read.Errors).Path);
    }

    [Theory]
    [InlineData("", 0xD800, "")]
    [InlineData("clip ", 0xDC00, " here")]
    [InlineData("ends high ", 0xD83C, "")]
    public void Build_rejects_a_lone_surrogate_that_ToJson_could_not_write(string before, int surrogate, string after)
    {
        // Built here: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var caption = before + (char)surrogate + after;
        var index = before.Length;
        var error = Assert.Throws<MessageValidationException>(
            () => VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1").WithCaption(caption)).Build());

        var violation = Assert.Single(error.Errors);
        Assert.Equal("$.video.caption", violation.Path);
        Assert.Contains($"lone surrogate (U+{(int)caption[index]:X4}) at index {index}", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrogate_pairs_are_text_and_pass()
    {
        var message = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1").WithCaption("🎬 and 🙂")).Build();

        Assert.Contains("🎬 and 🙂", message.ToJson(), StringComparison.Ordinal);
    }

    private static byte[] Replace(string json, string find, byte[] with)
    {
        var at = json.IndexOf(find, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. with, .. Encoding.UTF8.GetBytes(json[(at + find.Length)..])];
    }
}
