using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using MessageGen.Sandbox;

namespace MessageGen.Cli;

/// <summary>
/// <c>--webhook-url</c> and the repeatable <c>--webhook-header "Name: value"</c> of <c>messagegen sandbox</c>: the webhook
/// configured from the start. Header values are secrets: no message repeats them.
/// </summary>
internal sealed class SandboxWebhookOptions
{
    public Option<string?> Url { get; } = new("--webhook-url")
    {
        Description = "Deliver webhook notifications (sent, delivered, read or failed after each accepted message, and POST /sandbox/inbound " +
            "messages) to this URL from the start, as POST /v1/configs/webhook would. It must be on 127.0.0.1, [::1] or localhost.",
        HelpName = "URL",
    };

    public Option<KeyValuePair<string, string>[]> Headers { get; } = HeaderOption.CreateRepeatable(
        "--webhook-header", "A header sent with every delivery, such as \"X-Secret: s3cret\"; give it once per header. Needs --webhook-url.");

    /// <summary>Adds the options to <paramref name="command"/>, with a check that reports a bad URL or header as a usage error.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Headers);
        OptionValues.RequireValues(command, (Url, "http://127.0.0.1:5000/hook"), (Headers, "\"X-Secret: s3cret\""));
        command.Validators.Add(result =>
        {
            string? url;
            KeyValuePair<string, string>[]? headers;
            try
            {
                url = result.GetValue(Url);
                headers = result.GetValue(Headers);
            }
            catch (InvalidOperationException)
            {
                // An option the parser refused (no value, a malformed header): its error is reported already.
                return;
            }

            if (!TryCreate(url, headers, out _, out var problem))
            {
                result.AddError(problem);
            }
        });
    }

    /// <summary>The webhook the options describe; null when none is given.</summary>
    public SandboxWebhook? Create(ParseResult parseResult) =>
        TryCreate(parseResult.GetValue(Url), parseResult.GetValue(Headers), out var webhook, out var problem)
            ? webhook
            : throw new InvalidOperationException(problem);

    private static bool TryCreate(string? url, KeyValuePair<string, string>[]? headers, out SandboxWebhook? webhook, [NotNullWhen(false)] out string? problem)
    {
        webhook = null;
        headers ??= [];
        if (url is null)
        {
            problem = headers.Length > 0 ? "--webhook-header needs --webhook-url: the headers go with deliveries to that URL." : null;
            return problem is null;
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (!byName.TryAdd(name, value))
            {
                problem = $"--webhook-header names '{name}' twice.";
                return false;
            }
        }

        if (!SandboxWebhook.TryCreate(url, byName, out webhook, out var webhookProblem))
        {
            problem = $"--webhook-url / --webhook-header: {webhookProblem}";
            return false;
        }

        problem = null;
        return true;
    }
}
