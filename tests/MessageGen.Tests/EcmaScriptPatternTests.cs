using System.Text.RegularExpressions;
using MessageGen.Generator;

namespace MessageGen.Tests;

/// <summary>Schema patterns are ECMA-262 regular expressions: where .NET's ECMAScript mode differs, the rewrite decides as ECMA-262 does.</summary>
public class EcmaScriptPatternTests
{
    [Theory]
    [InlineData("^abc$", "abc", true)]
    [InlineData("^abc$", "abc\n", false)]
    [InlineData("^[$]$", "$", true)]
    [InlineData("\\$", "a$b", true)]
    [InlineData("^.$", "\r", false)]
    [InlineData("^.$", "\u2028", false)]
    [InlineData("^.$", "é", true)]
    [InlineData("^\\s$", "\u00a0", true)]
    [InlineData("^\\s$", "\u3000", true)]
    [InlineData("^\\s$", "\ufeff", true)]
    [InlineData("^\\s$", "x", false)]
    [InlineData("^[\\sx]$", "\u2003", true)]
    [InlineData("^\\S$", "\u00a0", false)]
    [InlineData("^\\S$", "x", true)]
    [InlineData("^[\\S]$", "x", true)]
    [InlineData("^[\\S]$", "\u00a0", false)]
    [InlineData("^[\\S]$", "\u0085", true)]
    [InlineData("^[\\S]$", "\u180e", true)]
    [InlineData("^[a\\S]$", "\u2003", false)]
    [InlineData("^[a\\S]$", "a", true)]
    [InlineData("^[^\\S]$", "\u3000", true)]
    [InlineData("^[^\\S]$", "x", false)]
    [InlineData("^[\\S\\s]$", "\u2028", true)]
    [InlineData("^\\d$", "١", false)]
    [InlineData("^\\w$", "é", false)]
    [InlineData("^[]a]$", "a", false)]
    [InlineData("^[]a]$", "]", false)]
    [InlineData("^a[]$", "a", false)]
    [InlineData("^a[]?$", "a", true)]
    [InlineData("^[^]$", "\n", true)]
    [InlineData("^a[^]b$", "a\u2028b", true)]
    [InlineData("^[^]a]$", "xa]", true)]
    [InlineData("^[^]a]$", "\na]", true)]
    [InlineData("^[^]a]$", "x", false)]
    [InlineData("^[a-z-[aeiou]]$", "b", false)]
    [InlineData("^[a-z-[aeiou]]$", "b]", true)]
    [InlineData("^[a-z-[aeiou]]$", "[]", true)]
    [InlineData("^[^a[]$", "[", false)]
    [InlineData("^[^a[]$", "b", true)]
    public void Matches_as_ECMA_262_does(string pattern, string text, bool matches)
    {
        var regex = new Regex(EcmaScriptPattern.ToDotNet(pattern), RegexOptions.ECMAScript);

        Assert.Equal(matches, regex.IsMatch(text));
    }

    [Fact]
    public void Non_white_space_inside_a_class_is_every_code_unit_outside_ECMA_262_white_space()
    {
        var inClass = new Regex(EcmaScriptPattern.ToDotNet("^[\\S]$"), RegexOptions.ECMAScript);
        var whiteSpace = new Regex(EcmaScriptPattern.ToDotNet("^\\s$"), RegexOptions.ECMAScript);

        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            Assert.True(inClass.IsMatch(text) != whiteSpace.IsMatch(text), $"U+{c:X4}");
        }
    }
}
