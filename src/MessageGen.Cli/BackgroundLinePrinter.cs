using System.Globalization;
using System.Threading.Channels;

namespace MessageGen.Cli;

/// <summary>
/// Writes lines on one background task, in order, so that callers never wait for the output. When the output falls
/// <see cref="Capacity"/> lines behind (nobody reads it), new lines are dropped and counted, and the count is written
/// where they would have been. Disposing writes what is left, waiting at most <see cref="FinalWait"/> for the output.
/// </summary>
internal sealed class BackgroundLinePrinter : IAsyncDisposable
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
