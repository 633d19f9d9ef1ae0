using System.CommandLine;
using System.Globalization;
using System.Net;
using MessageGen.Sandbox;

namespace MessageGen.Cli;

/// <summary><c>messagegen sandbox</c>: runs a local 360dialog-compatible API until Ctrl+C.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliConsole console)
    {
        var port = PortOption.Create();
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "The D360-API-KEY the sandbox accepts; a random one is made and printed if omitted.",
            HelpName = "KEY",
        };

        var mps = new Option<int>("--mps")
        {
            Description = "Hold a throughput limit of N messages per second on POST /messages, answering 130429 (HTTP 429) above it, as the API does. Off if omitted.",
            HelpName = "N",
        };
        IntOptionRange.Require(mps, 1, int.MaxValue, "--mps must be a positive whole number.");
        var pairLimit = new Option<bool>("--pair-limit")
        {
            Description = "Hold the API's pair rate limit: about one message per 6 s to the same recipient, after a burst of 45, answering 131056 above it.",
        };

        var templates = new Option<FileInfo?>("--templates")
        {
            Description = "Serve GET /v1/configs/templates from FILE (as 'messagegen templates pull' saves it) and answer template sends that do not match " +
                "its approved templates with 132001, 132000 or 132012, as the API does. Without it the list is empty and template sends are checked for structure only.",
            HelpName = "FILE",
        };

        var webhook = new SandboxWebhookOptions();

        var command = new Command(
            "sandbox",
            "Run a local 360dialog-compatible API on 127.0.0.1: POST /messages and POST /media, validated as the API does, " +
            "GET /v1/configs/templates (from --templates FILE), and GET /sandbox/messages (with the key) to see what arrived. After 'accepted' it delivers sent, delivered and read " +
            "(or failed) webhooks to the URL set with --webhook-url or POST /v1/configs/webhook. Stop it with Ctrl+C.")
        {
            port, apiKey, mps, pairLimit, templates,
        };
        webhook.AddTo(command);
        OptionValues.RequireValues(command, (templates, "whatsapp-templates.json"));
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(
                console,
                new SandboxOptions
                {
                    Port = parseResult.GetValue(port),
                    ApiKey = parseResult.GetValue(apiKey),
                    Webhook = webhook.Create(parseResult),
                    MessagesPerSecond = parseResult.GetResult(mps) is null ? null : parseResult.GetValue(mps),
                    PairLimit = parseResult.GetValue(pairLimit),
                    TemplatesFile = parseResult.GetValue(templates)?.FullName,
                },
                cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, SandboxOptions options, CancellationToken cancellationToken)
    {
        // Request lines go through the printer, so that an output nobody reads (a full pipe) never holds up a request.
        var printer = new BackgroundLinePrinter(console.Out);
        await using (printer.ConfigureAwait(false))
        {
            SandboxServer sandbox;
            try
            {
                options.RequestObserved = request => printer.Print(Describe(request));
                options.WebhookAttemptObserved = attempt => printer.Print(Describe(attempt));
                sandbox = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await console.Error.WriteLineAsync($"Could not listen on 127.0.0.1:{options.Port}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (SandboxTemplatesFileException e)
            {
                // The file was named on the command line: fixing it is a matter of usage.
                await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using (sandbox.ConfigureAwait(false))
            {
                printer.Print($"Sandbox listening on {sandbox.BaseAddress}");
                printer.Print($"D360-API-KEY: {sandbox.ApiKey}");
                printer.Print($"Limits: {DescribeLimits(options)}");
                if (options.TemplatesFile is { } templatesFile)
                {
                    printer.Print(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Templates: {sandbox.TemplateCount} ({sandbox.ApprovedTemplateCount} approved) from {templatesFile}"));
                }

                if (options.Webhook is { } webhook)
                {
                    printer.Print($"Webhook: {webhook}");
                }

                printer.Print(
                    $"Try: messagegen send --base-url {sandbox.BaseAddress} --api-key {sandbox.ApiKey} --to +15550001234 --link https://example.com/clip.mp4");
                printer.Print("Press Ctrl+C to stop.");

                await RunUntilStopped.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            printer.Print("Sandbox stopped.");
        }

        return ExitCodes.Success;
    }

    /// <summary>The limits held, e.g. <c>5 messages/s (130429 above), pair limit 1 per 6 s after a burst of 45 (131056 above)</c>, or <c>off ...</c>.</summary>
    private static string DescribeLimits(SandboxOptions options)
    {
        var limits = new List<string>();
        if (options.MessagesPerSecond is { } perSecond)
        {
            limits.Add($"{perSecond.ToString(CultureInfo.InvariantCulture)} message{(perSecond == 1 ? "" : "s")}/s (130429 above)");
        }

        if (options.PairLimit)
        {
            limits.Add(
                $"pair limit 1 per {options.PairLimitPeriod.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s " +
                $"after a burst of {options.PairLimitBurst.ToString(CultureInfo.InvariantCulture)} (131056 above)");
        }

        return limits.Count == 0 ? "off (--mps N and --pair-limit turn them on)" : string.Join(", ", limits);
    }

    /// <summary>One line per request, e.g. <c>POST /messages (118 bytes) -> 400</c>; never the key.</summary>
    private static string Describe(SandboxRequest request)
    {
        var size = request.BodyLength is { } length ? $"{length.ToString(CultureInfo.InvariantCulture)} bytes" : "body not read";
        var answer = request.StatusCode == 0 ? "no answer" : request.StatusCode.ToString(CultureInfo.InvariantCulture);
        var fault = request.Fault is null ? "" : $" [fault: {request.Fault}]";
        var key = request.ApiKeyAccepted ? "" : " [key refused]";
        return $"{request.Method} {request.Path} ({size}) -> {answer}{key}{fault}";
    }

    /// <summary>One line per webhook delivery attempt, e.g. <c>webhook sent wamid.X -> http://127.0.0.1:5000/hook (attempt 1) -> 200</c>; never a header.</summary>
    private static string Describe(SandboxWebhookAttempt attempt)
    {
        var answer = attempt.StatusCode is { } status ? status.ToString(CultureInfo.InvariantCulture) : $"no answer ({attempt.Error})";
        return $"webhook {attempt.Summary} -> {attempt.Url} (attempt {attempt.Attempt.ToString(CultureInfo.InvariantCulture)}) -> {answer}";
    }
}
