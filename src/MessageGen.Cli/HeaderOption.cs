using System.CommandLine;
using System.CommandLine.Parsing;

namespace MessageGen.Cli;

/// <summary>A <c>"Name: value"</c> header option, such as <c>--header "X-Secret: s3cret"</c>.</summary>
internal static class HeaderOption
{
    private const string HelpName = "\"Name: value\"";

    public static Option<KeyValuePair<string, string>?> Create(string name, string description)
        => new(name)
        {
            Description = description,
            HelpName = HelpName,
            CustomParser = result => Parse(name, result.Tokens.Single().Value, result),
        };

    /// <summary>The same option, given once per header: <c>--header "A: 1" --header "B: 2"</c>.</summary>
    public static Option<KeyValuePair<string, string>[]> CreateRepeatable(string name, string description)
        => new(name)
        {
            Description = description,
            HelpName = HelpName,
            CustomParser = result => [.. result.Tokens.Select(token => Parse(name, token.Value, result)).OfType<KeyValuePair<string, string>>()],
        };

    private static KeyValuePair<string, string>? Parse(string optionName, string text, ArgumentResult result)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var headerName = colon > 0 ? text[..colon].Trim() : string.Empty;
        var value = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
        if (headerName.Length == 0 || value.Length == 0 || headerName.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
        {
            // The value may be a secret: never repeat it.
            result.AddError($"{optionName} must be \"Name: value\" with a header name such as X-Secret and a value.");
            return null;
        }

        return new KeyValuePair<string, string>(headerName, value);
    }
}
