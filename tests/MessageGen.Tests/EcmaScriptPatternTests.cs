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
    [InlineData("^\\d$", "١", false)]
    [InlineData("^\\w$", "é", false)]
    public void Matches_as_ECMA_262_does(string pattern, string text, bool matches)
    {
        var regex = new Regex(EcmaScriptPattern.ToDotNet(pattern), RegexOptions.ECMAScript);

        Assert.Equal(matches, regex.IsMatch(text));
    }
}
