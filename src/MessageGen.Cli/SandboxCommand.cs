using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading.Channels;
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
            "and GET /sandbox/messages (with the key) to see what arrived. Stop it with Ctrl+C.")
        {
            port, apiKey,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, parseResult.GetValue(port), parseResult.GetValue(apiKey), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, string? apiKey, CancellationToken cancellationToken)
    {
        // Request lines go through the printer, so that an output nobody reads (a full pipe) never holds up a request.
        var printer = new BackgroundLinePrinter(console.Out);
        await using (printer.ConfigureAwait(false))
        {
            SandboxServer sandbox;
            try
            {
                var options = new SandboxOptions { Port = port, ApiKey = apiKey, RequestObserved = request => printer.Print(Describe(request)) };
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
                printer.Print(
                    $"Try: messagegen send --base-url {sandbox.BaseAddress} --api-key {sandbox.ApiKey} --to +15550001234 --link https://example.com/clip.mp4");
                printer.Print("Press Ctrl+C to stop.");

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

    /// <summary>
    /// Writes lines on one background task, in order, so that callers never wait for the output. When the output falls
    /// <see cref="Capacity"/> lines behind (nobody reads it), new lines are dropped and counted, and the count is written
    /// where they would have been. Disposing writes what is left, waiting at most <see cref="FinalWait"/> for the output.
    /// </summary>
    private sealed class BackgroundLinePrinter : IAsyncDisposable
    {
        private const int Capacity = 1000;
        private static readonly TimeSpan FinalWait = TimeSpan.FromSeconds(2);

        private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { SingleReader = true });
        private readonly object _gate = new();
        private readonly Task _writing;
        private long _dropped;

        public BackgroundLinePrinter(TextWriter output) => _writing = Task.Run(() => WriteAllAsync(output));

        /// <summary>Queues <paramref name="line"/>, or counts it as dropped when the queue is full; never waits.</summary>
        public void Print(string line)
        {
            lock (_gate)
            {
                // The count of dropped lines goes first, where they were lost; until it fits, later lines are dropped too.
                if (_dropped > 0 && !_lines.Writer.TryWrite(DroppedNotice(_dropped)))
                {
                    _dropped++;
                    return;
                }

                _dropped = 0;
                if (!_lines.Writer.TryWrite(line))
                {
                    _dropped = 1;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _lines.Writer.TryComplete();
            try
            {
                await _writing.WaitAsync(FinalWait).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The output is stuck; leave the last lines rather than hang on exit.
            }
        }

        private static string DroppedNotice(long count) =>
            $"({count.ToString(CultureInfo.InvariantCulture)} lines dropped: the output was not read fast enough)";

        /// <summary>The one writer of the output: it may wait on the output for ever, callers never wait for it.</summary>
        private async Task WriteAllAsync(TextWriter output)
        {
            await foreach (var line in _lines.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                output.WriteLine(line);
                output.Flush();
            }

            long dropped;
            lock (_gate)
            {
                dropped = _dropped;
            }

            if (dropped > 0)
            {
                output.WriteLine(DroppedNotice(dropped));
                output.Flush();
            }
        }
    }
}
