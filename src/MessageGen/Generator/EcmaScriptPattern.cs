using System.Text;

namespace MessageGen.Generator;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions. .NET's <c>RegexOptions.ECMAScript</c> still differs where it
/// changes verdicts, so patterns are rewritten before .NET sees them (in generated code and in the analyzers alike).
/// </summary>
internal static class EcmaScriptPattern
{
    /// <summary>ECMA-262's WhiteSpace and LineTerminator, which its <c>\s</c> matches (.NET's ECMAScript <c>\s</c> is ASCII only).</summary>
    private const string WhiteSpace = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

    /// <summary>
    /// Every UTF-16 code unit outside <see cref="WhiteSpace"/>, as ranges: ECMA-262's <c>\S</c> inside a class, where a
    /// negated class cannot be nested and .NET's own <c>\S</c> would exclude another set of white space.
    /// </summary>
    private const string NotWhiteSpace =
        "\\u0000-\\u0008\\u000e-\\u001f\\u0021-\\u009f\\u00a1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff";

    /// <summary>
    /// Rewrites <paramref name="pattern"/> so that .NET matches what ECMA-262 matches: <c>$</c> is the end of the input
    /// (.NET also matches before a final newline, so "+4915112345678\n" would pass <c>^\+?[0-9]{6,15}$</c>),
    /// <c>.</c> stops at every ECMA-262 line terminator (.NET stops only at <c>\n</c>), <c>\s</c>/<c>\S</c> mean
    /// ECMA-262's white space, Unicode spaces included, inside a class too, <c>[]</c> matches nothing and <c>[^]</c> any
    /// code unit (.NET reads both as the start of a class holding <c>]</c>), and a <c>[</c> inside a class is only a
    /// character (.NET reads <c>[a-z-[aeiou]]</c> as a class subtraction).
    /// </summary>
    public static string ToDotNet(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var escaped = pattern[++i];
                if (escaped == 's')
                {
                    result.Append(inClass ? WhiteSpace : "[" + WhiteSpace + "]");
                }
                else if (escaped == 'S')
                {
                    result.Append(inClass ? NotWhiteSpace : "[^" + WhiteSpace + "]");
                }
                else
                {
                    result.Append(c).Append(escaped);
                }
            }
            else if (inClass)
            {
                inClass = c != ']';
                if (c == '[')
                {
                    result.Append('\\');
                }

                result.Append(c);
            }
            else if (c == '[' && At(pattern, i + 1, "]"))
            {
                result.Append("(?!)");
                i++;
            }
            else if (c == '[' && At(pattern, i + 1, "^]"))
            {
                result.Append("[\\s\\S]");
                i += 2;
            }
            else if (c == '[')
            {
                inClass = true;
                result.Append(c);
            }
            else if (c == '$')
            {
                result.Append("\\z");
            }
            else if (c == '.')
            {
                result.Append("[^\\n\\r\\u2028\\u2029]");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool At(string pattern, int index, string text) =>
        index + text.Length <= pattern.Length && string.CompareOrdinal(pattern, index, text, 0, text.Length) == 0;
}
