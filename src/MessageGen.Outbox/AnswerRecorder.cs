using System.Data.Common;
using System.Threading.Channels;
using MessageGen.Outbox.Storage;
using Microsoft.Extensions.Logging;

namespace MessageGen.Outbox;

/// <summary>
/// Records the API's answers ("accepted" with the message id) behind the senders: a sender hands its answer over and takes
/// its next message, while the answers that arrived meanwhile are written together, in one command and one commit.
/// </summary>
/// <remarks>
/// Until its answer is written a message's row stays "sending" under this worker's lease, so a worker killed in between
/// leaves it "unknown" (never resent), as a worker killed between the answer and its write always did.
/// </remarks>
internal sealed partial class AnswerRecorder
{
    /// <summary>Senders wait to hand over an answer while this many are waiting to be written (the database is slow or down).</summary>
    private const int MaxWaiting = 256;

    private readonly OutboxStore _store;
    private readonly ILogger _logger;
    private readonly Channel<Answer> _answers = Channel.CreateBounded<Answer>(new BoundedChannelOptions(MaxWaiting) { SingleReader = true });
    private readonly Task _writing;

    public AnswerRecorder(OutboxStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Hands over the answer for row <paramref name="id"/>; waits only while <see cref="MaxWaiting"/> answers are unwritten.</summary>
    public ValueTask AddAsync(long id, string messageId) => _answers.Writer.WriteAsync(new Answer(id, messageId, Written: null));

    /// <summary>Returns once every answer handed over before the call is written (or given up).</summary>
    public async Task FlushAsync()
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _answers.Writer.WriteAsync(new Answer(0, string.Empty, written)).ConfigureAwait(false);
        await written.Task.ConfigureAwait(false);
    }

    /// <summary>Writes what is left and stops.</summary>
    public Task CompleteAsync()
    {
        _answers.Writer.TryComplete();
        return _writing;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(long Id, string MessageId)>(OutboxSql.MaxRowsPerCommand);
        var flushes = new List<TaskCompletionSource>();
        while (await _answers.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // A flush read here completes after this batch: everything handed over before it is in it or written already.
            while (batch.Count < OutboxSql.MaxRowsPerCommand && _answers.Reader.TryRead(out var answer))
            {
                if (answer.Written is { } flush)
                {
                    flushes.Add(flush);
                }
                else
                {
                    batch.Add((answer.Id, answer.MessageId));
                }
            }

            if (batch.Count > 0)
            {
                await WriteWithRetriesAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }

            flushes.ForEach(flush => flush.SetResult());
            flushes.Clear();
        }
    }

    private async Task WriteWithRetriesAsync(List<(long Id, string MessageId)> batch)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await _store.RecordAcceptedAsync(batch, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                // Given up, its rows stay "sending" and become unknown when the worker's lease ends.
                if (failures == DatabaseBackoff.MaxFailures)
                {
                    Log.GivenUp(_logger, batch.Count, e);
                    return;
                }

                Log.Failed(_logger, failures, e);
                await Task.Delay(DatabaseBackoff.After(failures)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An answer to write, or (with <paramref name="Written"/>) a flush to signal once those before it are written.</summary>
    private readonly record struct Answer(long Id, string MessageId, TaskCompletionSource? Written);

    private static partial class Log
    {
        [LoggerMessage(8, LogLevel.Warning, "Outbox: recording the API's answers failed ({Failures} time(s) in a row); retrying.")]
        public static partial void Failed(ILogger logger, int failures, Exception exception);

        [LoggerMessage(9, LogLevel.Error, "Outbox: {Count} answer(s) of the API could not be recorded; those messages were sent and stay sending, then unknown.")]
        public static partial void GivenUp(ILogger logger, int count, Exception exception);
    }
}
