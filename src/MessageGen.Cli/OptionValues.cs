using System.CommandLine;

namespace MessageGen.Cli;

/// <summary>Checks that options given on the command line also got their values.</summary>
internal static class OptionValues
{
    /// <summary>
    /// Adds a parse error naming each of <paramref name="options"/> given with no value (<c>send --to</c>, or
    /// <c>send --to --link URL</c>, where the parser takes <c>--link</c> as the value): the parser
    /// lets that through, and it would otherwise surface as an unrelated error. A command validator, because the
    /// parser runs no option validator for an option without tokens.
    /// </summary>
    public static void RequireValues(Command command, params (Option Option, string Example)[] options)
        => command.Validators.Add(result =>
        {
            foreach (var (option, example) in options)
            {
                switch (result.GetResult(option))
                {
                    case { Implicit: false, Tokens.Count: 0 }:
                        result.AddError($"{option.Name} needs a value, e.g. {option.Name} {example}.");
                        break;
                    case { Tokens: [{ Value: var value }] } when value.StartsWith("--", StringComparison.Ordinal):
                        // "send --to --link URL" takes "--link" as the phone number.
                        result.AddError($"{option.Name} needs a value, but is followed by the option {value}; e.g. {option.Name} {example}.");
                        break;
                }
            }
        });
}
