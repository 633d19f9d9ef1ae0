using MessageGen.Serialization;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>Keywords with the meaning JSON Schema 2020-12 gives them, not the nearest .NET behaviour.</summary>
public class KeywordSemanticsTests
{
    private const string Image = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"image","image":{"id":"1"},"priority":PRIORITY}""";

    [Theory]
    [InlineData("1.0", 1)]
    [InlineData("-3.000", -3)]
    [InlineData("1e2", 100)]
    [InlineData("2.5E1", 25)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void A_number_with_a_zero_fraction_is_an_integer(string json, long expected)
    {
        var message = PhotoMessage.FromJson(Image.Replace("PRIORITY", json, StringComparison.Ordinal));

        Assert.Equal(expected, message.Priority);
    }

    [Theory]
    [InlineData("1.5", "Expected an integer but found a number")]
    [InlineData("1e-2", "Expected an integer but found a number")]
    [InlineData("\"1\"", "Expected an integer but found a string")]
    [InlineData("9223372036854775808", "is outside the range this type holds")]
    [InlineData("1e30", "is outside the range this type holds")]
    public void Other_numbers_are_not_integers_or_do_not_fit(string json, string expected)
    {
        var error = Assert.Throws<MessageValidationException>(() => PhotoMessage.FromJson(Image.Replace("PRIORITY", json, StringComparison.Ordinal)));

        var violation = Assert.Single(error.Errors);
        Assert.Equal("$.priority", violation.Path);
        Assert.Contains(expected, violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/a.mp4")]
    [InlineData("https://user:pa%20ss@example.com:8443/a/b;c=d?q=1&r=%C3%A9#frag/ment?")]
    [InlineData("http://[2001:db8::1]:80/x")]
    [InlineData("http://[::ffff:192.0.2.1]/")]
    [InlineData("http://[v7.fe80::a+en1]/")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("mailto:a@example.com")]
    [InlineData("tel:+1-816-555-1212")]
    [InlineData("file:///etc/hosts")]
    [InlineData("http://")]
    [InlineData("a+b-c.d:x")]
    [InlineData("https://exa%41mple.com/")]
    public void Format_uri_accepts_what_RFC_3986_calls_a_URI(string uri) => Assert.True(SchemaChecks.IsAbsoluteUri(uri), uri);

    [Theory]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/a\\b")]
    [InlineData("https://example.com/\"a\"")]
    [InlineData("https://example.com/<a>")]
    [InlineData("https://example.com/{a}")]
    [InlineData("https://example.com/a^b")]
    [InlineData("https://example.com/a`b")]
    [InlineData("https://example.com/a|b")]
    [InlineData("https://example.com/über")]
    [InlineData("https://example.com/%6G")]
    [InlineData("https://example.com/%A")]
    [InlineData("https://example.com/%")]
    [InlineData("https://[@example.org/x")]
    [InlineData("https://example.com:80a/")]
    [InlineData("https://example.com:8%30/")]
    [InlineData("https://example.com/a?b#c#d")]
    [InlineData("https://example.com/a\u00A0b")]
    [InlineData("http://[fe80::1%25en0]/")]
    [InlineData("http://[1.2.3.4]/")]
    [InlineData("/relative/path")]
    [InlineData("relative/path")]
    [InlineData("//example.com/a")]
    [InlineData("1http://example.com")]
    [InlineData(":no-scheme")]
    [InlineData("")]
    public void Format_uri_rejects_what_RFC_3986_does_not(string uri) => Assert.False(SchemaChecks.IsAbsoluteUri(uri), uri);

    [Fact]
    public void Build_reports_a_link_that_is_not_a_URI()
    {
        var error = Assert.Throws<MessageValidationException>(
            () => VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithLink("https://cdn.example.com/my clip.mp4")).Build());

        Assert.Equal("$.video.link", Assert.Single(error.Errors).Path);
    }
}
