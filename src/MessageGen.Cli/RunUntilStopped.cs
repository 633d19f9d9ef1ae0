using System.Runtime.InteropServices;

namespace MessageGen.Cli;

/// <summary>Waits for Ctrl+C or SIGTERM, the normal way to stop a server command, so that it shuts down cleanly and exits with 0.</summary>
internal static class RunUntilStopped
{
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
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
}
