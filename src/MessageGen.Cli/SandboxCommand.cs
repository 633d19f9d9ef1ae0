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

        var webhook = new SandboxWebhookOptions();

        var command = new Command(
            "sandbox",
            "Run a local 360dialog-compatible API on 127.0.0.1: POST /messages and POST /media, validated as the API does, " +
            "and GET /sandbox/messages (with the key) to see what arrived. After 'accepted' it delivers sent, delivered and read " +
            "(or failed) webhooks to the URL set with --webhook-url or POST /v1/configs/webhook. Stop it with Ctrl+C.")
        {
            port, apiKey,
        };
        webhook.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, parseResult.GetValue(port), parseResult.GetValue(apiKey), webhook.Create(parseResult), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, string? apiKey, SandboxWebhook? webhook, CancellationToken cancellationToken)
    {
        // Request lines go through the printer, so that an output nobody reads (a full pipe) never holds up a request.
        var printer = new BackgroundLinePrinter(console.Out);
        await using (printer.ConfigureAwait(false))
        {
            SandboxServer sandbox;
            try
            {
                var options = new SandboxOptions
                {
                    Port = port,
                    ApiKey = apiKey,
                    Webhook = webhook,
                    RequestObserved = request => printer.Print(Describe(request)),
                    WebhookAttemptObserved = attempt => printer.Print(Describe(attempt)),
                };
                sandbox = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await console.Error.WriteLineAsync($"Could not listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using (sandbox.ConfigureAwait(false))
            {
                printer.Print($"Sandbox listening on {sandbox.BaseAddress}");
                printer.Print($"D360-API-KEY: {sandbox.ApiKey}");
                if (webhook is not null)
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
