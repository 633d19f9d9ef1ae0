using System.CommandLine;

namespace MessageGen.Cli;

/// <summary>A <c>"Name: value"</c> header option, such as <c>--header "X-Secret: s3cret"</c>.</summary>
internal static class HeaderOption
{
    public static Option<KeyValuePair<string, string>?> Create(string name, string description)
        => new(name)
        {
            Description = description,
            HelpName = "\"Name: value\"",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var headerName = colon > 0 ? text[..colon].Trim() : string.Empty;
                var value = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
                if (headerName.Length == 0 || value.Length == 0 || headerName.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
                {
                    // The value may be a secret: never repeat it.
                    result.AddError($"{name} must be \"Name: value\" with a header name such as X-Secret and a value.");
                    return null;
                }

                return new KeyValuePair<string, string>(headerName, value);
            },
        };
}
