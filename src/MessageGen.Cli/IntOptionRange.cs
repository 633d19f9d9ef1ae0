using System.CommandLine;
using System.Globalization;

namespace MessageGen.Cli;

/// <summary>Range checks for whole-number options.</summary>
internal static class IntOptionRange
{
    /// <summary>
    /// Adds a parse error when <paramref name="option"/> is outside [<paramref name="min"/>, <paramref name="max"/>].
    /// It reads the token, not the value: reading the value of a token that is not a number throws, and the parser
    /// already reports that one.
    /// </summary>
    public static void Require(Option<int> option, int min, int max, string error)
        => option.Validators.Add(result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                result.AddError(error);
            }
        });
}
