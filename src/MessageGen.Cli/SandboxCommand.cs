using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using MessageGen.Sandbox;

namespace MessageGen.Cli;

/// <summary><c>messagegen sandbox</c>: runs a local 360dialog-compatible API until Ctrl+C.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 to listen on; 0 picks a free one.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        IntOptionRange.Require(port, 0, IPEndPoint.MaxPort, $"--port must be between 0 and {IPEndPoint.MaxPort}.");
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "The D360-API-KEY the sandbox accepts; a random one is made and printed if omitted.",
            HelpName = "KEY",
        };

        var command = new Command(
            "sandbox",
            "Run a local 360dialog-compatible API on 127.0.0.1: POST /messages and POST /media, validated as the API does, " +
            "and GET /sandbox/messages to see what arrived. Stop it with Ctrl+C.")
        {
            port, apiKey,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, parseResult.GetValue(port), parseResult.GetValue(apiKey), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, string? apiKey, CancellationToken cancellationToken)
    {
        SandboxServer sandbox;
        try
        {
            var options = new SandboxOptions { Port = port, ApiKey = apiKey, RequestObserved = request => PrintRequest(console.Out, request) };
            sandbox = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"Could not listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (sandbox.ConfigureAwait(false))
        {
            await console.Out.WriteLineAsync($"Sandbox listening on {sandbox.BaseAddress}").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"D360-API-KEY: {sandbox.ApiKey}").ConfigureAwait(false);
            await console.Out.WriteLineAsync(
                $"Try: messagegen send --base-url {sandbox.BaseAddress} --api-key {sandbox.ApiKey} --to +15550001234 --link https://example.com/clip.mp4")
                .ConfigureAwait(false);
            await console.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            // Ctrl+C and SIGTERM are the normal way to stop: handled here, so the sandbox shuts down cleanly and exits with 0.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A normal stop.
            }
        }

        await console.Out.WriteLineAsync("Sandbox stopped.").ConfigureAwait(false);

        return ExitCodes.Success;
    }

    /// <summary>One line per request, e.g. <c>POST /messages -> 400 (bad parameter)</c>; never the key.</summary>
    private static void PrintRequest(TextWriter output, SandboxRequest request)
    {
        var answer = request.StatusCode == 0 ? "no answer" : request.StatusCode.ToString(CultureInfo.InvariantCulture);
        var fault = request.Fault is null ? "" : $" [fault: {request.Fault}]";
        var key = request.ApiKeyAccepted ? "" : " [key refused]";
        lock (output)
        {
            output.WriteLine($"{request.Method} {request.Path} ({request.Body.Length} bytes) -> {answer}{key}{fault}");
            output.Flush();
        }
    }
}
