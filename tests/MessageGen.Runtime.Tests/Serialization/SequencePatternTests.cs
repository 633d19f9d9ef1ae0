using System.Text.RegularExpressions;
using MessageGen.Serialization;

namespace MessageGen.Runtime.Tests.Serialization;

public sealed class SequencePatternTests
{
    // Characters that the patterns below care about, and some they do not (non-ASCII, a surrogate, line breaks).
    private const string Alphabet = "+-_.09az AZ5\n\r/é\uD83D[]^";

    [Theory]
    [InlineData(@"^\+?[0-9]{6,15}$")]
    [InlineData(@"^[a-z0-9_]+$")]
    [InlineData(@"^[A-Z]{2}$")]
    [InlineData(@"^\d{4}-\d{2}-\d{2}$")]
    [InlineData(@"^[^ ]*$")]
    [InlineData(@"^[^\n\r]*$")]
    [InlineData(@"^a*b+c?$")]
    [InlineData(@"^\w{1,3}\.[a-z]{2,}$")]
    [InlineData(@"^[\-+]?\d+$")]
    [InlineData(@"^[\d_-]+$")]
    [InlineData(@"^$")]
    [InlineData(@"^[a\]]{0}z$")]
    public void A_simple_pattern_is_matched_without_a_regex_and_agrees_with_it(string pattern)
    {
        var sequence = SequencePattern.TryCreate(pattern);
        Assert.NotNull(sequence);

        var regex = new Regex(pattern[..^1] + @"\z", RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
        var random = new Random(pattern.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        for (var i = 0; i < 5_000; i++)
        {
            var value = RandomText(random, pattern);
            Assert.True(regex.IsMatch(value) == sequence!.IsMatch(value), $"{pattern} on \"{value}\"");
        }
    }

    [Theory]
    [InlineData(@"\+?[0-9]{6,15}$")] // not anchored at the start
    [InlineData(@"^[0-9]+")] // nor at the end
    [InlineData(@"^[0-9]+\$")] // an escaped dollar is no anchor
    [InlineData(@"^a?ab$")] // greedy would take the a that the next atom needs
    [InlineData(@"^[a-z]*[a-c]$")]
    [InlineData(@"^a*b?a$")] // the overlap is past an atom that may match nothing
    [InlineData(@"^(ab)+$")]
    [InlineData(@"^a|b$")]
    [InlineData(@"^.+$")]
    [InlineData(@"^\s+$")]
    [InlineData(@"^a+?$")]
    [InlineData(@"^[]a]$")]
    [InlineData(@"^[^]$")]
    [InlineData(@"^é$")]
    [InlineData(@"^a{2,1}$")]
    [InlineData(@"^[z-a]$")]
    [InlineData(@"^\u0041$")]
    public void Other_patterns_are_left_to_the_regex(string pattern) => Assert.Null(SequencePattern.TryCreate(pattern));

    [Fact]
    public void Schema_pattern_uses_the_same_verdict_either_way()
    {
        var simple = new SchemaPattern(@"^\+?[0-9]{6,15}$", new Regex(@"^\+?[0-9]{6,15}\z", RegexOptions.ECMAScript));
        var complex = new SchemaPattern(@"^(\+|00)?[0-9]{6,15}$", new Regex(@"^(\+|00)?[0-9]{6,15}\z", RegexOptions.ECMAScript));

        Assert.True(simple.IsMatch("+4915112345678"));
        Assert.False(simple.IsMatch("+4915112345678\n"));
        Assert.True(complex.IsMatch("004915112345678"));
        Assert.False(complex.IsMatch("+4915112345678\n"));
    }

    private static string RandomText(Random random, string pattern)
    {
        // Half the time from the pattern's own characters, so that matches are common enough to test.
        var source = random.Next(2) == 0 ? pattern.Replace("\\", string.Empty, StringComparison.Ordinal) + "0123456789" : Alphabet;
        var chars = new char[random.Next(0, 18)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = source[random.Next(source.Length)];
        }

        return new string(chars);
    }
}
