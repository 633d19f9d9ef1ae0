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
    /// Rewrites <paramref name="pattern"/> so that .NET matches what ECMA-262 matches: <c>$</c> is the end of the input
    /// (.NET also matches before a final newline, so "+4915112345678\n" would pass <c>^\+?[0-9]{6,15}$</c>),
    /// <c>.</c> stops at every ECMA-262 line terminator (.NET stops only at <c>\n</c>), and <c>\s</c>/<c>\S</c> mean
    /// ECMA-262's white space, Unicode spaces included.
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
                else if (escaped == 'S' && !inClass)
                {
                    result.Append("[^").Append(WhiteSpace).Append(']');
                }
                else
                {
                    result.Append(c).Append(escaped);
                }
            }
            else if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
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
}
