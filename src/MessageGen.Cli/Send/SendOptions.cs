using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MessageGen.Cli.Send;

/// <summary>
/// Every option and argument of <c>messagegen send</c>: those of any message (<c>--to</c>, the API connection,
/// <c>--dry-run</c>, <c>--json</c>) and those of one type or another, which each <see cref="MessageKind"/> lists as its own.
/// </summary>
internal sealed class SendOptions
{
    public SendOptions()
    {
        Button.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!token.Value.Contains('=', StringComparison.Ordinal))
                {
                    result.AddError($"--button '{token.Value}' is not ID=TITLE, e.g. --button yes=Yes.");
                }
            }
        });
    }

    /// <summary>The message type; its description, which lists the types, is <see cref="MessageKinds"/>' to give.</summary>
    public Argument<string?> Kind { get; } = new("KIND") { Arity = ArgumentArity.ZeroOrOne };

    public Option<string?> Type { get; } = new("--type") { Description = "The message type, as the KIND argument gives it.", HelpName = "KIND" };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "The recipient's phone number in international format, e.g. +4915112345678. Required, except with --json, whose 'to' it replaces.",
        HelpName = "PHONE",
    };

    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Send the message body in FILE ('-' reads standard input), of any type: its \"type\" member says which; it is checked against that type's schema first.",
        HelpName = "FILE",
    };

    public Option<string?> Id { get; } = new("--id") { Description = "The id of uploaded media (from POST /media).", HelpName = "MEDIA_ID" };

    public Option<string?> Link { get; } = new("--link") { Description = "The https:// URL of hosted media.", HelpName = "URL" };

    public Option<string?> Caption { get; } = new("--caption") { Description = "Text shown under the media, at most 1024 characters.", HelpName = "TEXT" };

    public Option<string?> Filename { get; } = new("--filename") { Description = "The file name the recipient sees, with its extension.", HelpName = "NAME" };

    public Option<string?> Body { get; } = new("--body") { Description = "The message text: at most 4096 characters (text), 1024 (interactive).", HelpName = "TEXT" };

    public Option<bool> PreviewUrl { get; } = new("--preview-url") { Description = "Show a preview of the first URL in the body." };

    public Option<double?> Latitude { get; } = Degrees("--latitude", "52.5200", "-90 to 90");

    public Option<double?> Longitude { get; } = Degrees("--longitude", "13.4050", "-180 to 180");

    public Option<string?> Name { get; } = new("--name") { Description = "The place's name (location); the contact's full name as shown (contacts).", HelpName = "TEXT" };

    public Option<string?> Address { get; } = new("--address") { Description = "The place's address.", HelpName = "TEXT" };

    public Option<string?> MessageId { get; } = new("--message-id") { Description = "The id (wamid) of the message reacted to.", HelpName = "WAMID" };

    public Option<string?> Emoji { get; } = new("--emoji") { Description = "The reaction's emoji; an empty one (--emoji \"\") removes the reaction.", HelpName = "EMOJI" };

    public Option<string[]> Button { get; } = new("--button")
    {
        Description = "A reply button as its id and title (title at most 20 characters); give one to three.",
        HelpName = "ID=TITLE",
    };

    public Option<string?> Header { get; } = new("--header") { Description = "Header text, at most 60 characters.", HelpName = "TEXT" };

    public Option<string?> Footer { get; } = new("--footer") { Description = "Footer text, at most 60 characters.", HelpName = "TEXT" };

    public Option<string[]> Phone { get; } = new("--phone") { Description = "A phone number of the contact; repeat it for more.", HelpName = "NUMBER" };

    public Option<string?> ApiKey { get; } = ApiConnectionOptions.ApiKey();

    public Option<Uri> BaseUrl { get; } = ApiConnectionOptions.BaseUrl();

    public Option<int> Retries { get; } = CreateRetries();

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the JSON body that would be sent, and send nothing." };

    /// <summary>The options that apply to one message type or another, in the order help lists them.</summary>
    public IReadOnlyList<Option> MessageOptions =>
        [Id, Link, Caption, Filename, Body, PreviewUrl, Latitude, Longitude, Name, Address, MessageId, Emoji, Button, Header, Footer, Phone];

    /// <summary>Every option, in the order help lists them.</summary>
    public IReadOnlyList<Option> All => [Type, To, .. MessageOptions, Json, ApiKey, BaseUrl, Retries, DryRun];

    /// <summary>The options that take a value, each with an example for the error that says it is missing.</summary>
    public (Option Option, string Example)[] ValueExamples =>
    [
        (Type, "text"), (To, "+4915112345678"), (Json, "message.json"), (Id, "1234567890"), (Link, "https://example.com/clip.mp4"),
        (Caption, "\"Our new clip\""), (Filename, "invoice.pdf"), (Body, "\"Hello\""), (Latitude, "52.5200"), (Longitude, "13.4050"),
        (Name, "\"Anna Muster\""), (Address, "\"Unter den Linden 1, Berlin\""), (MessageId, "wamid.HBgL..."), (Emoji, "👍"),
        (Button, "yes=Yes"), (Header, "\"Your order\""), (Footer, "\"Reply to choose\""), (Phone, "+4915187654321"),
        (ApiKey, "$" + ApiConnectionOptions.ApiKeyVariable),
    ];

    /// <summary>Whether <paramref name="option"/> was given on the command line (not merely defaulted).</summary>
    public static bool IsGiven(SymbolResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static Option<int> CreateRetries()
    {
        var retries = new Option<int>("--retries")
        {
            Description = "How many times to retry when the API is busy or failing (429 or code 130429, 500, 502, 503, 504) or cannot be reached. A send with no answer is never retried.",
            HelpName = "N",
            DefaultValueFactory = _ => 3,
        };
        IntOptionRange.Require(retries, 0, int.MaxValue, "--retries must not be negative.");
        return retries;
    }

    /// <summary>A number of degrees, read with the invariant culture (a dot before the decimals, whatever the machine's language).</summary>
    private static Option<double?> Degrees(string name, string example, string range) => new(name)
    {
        Description = $"Degrees, {range}, e.g. {example}.",
        HelpName = "DEGREES",
        CustomParser = result =>
        {
            if (result.Tokens is not [{ Value: var text }])
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && double.IsFinite(degrees))
            {
                return degrees;
            }

            result.AddError($"{name} '{text}' is not a number of degrees such as {example}.");
            return null;
        },
    };
}
