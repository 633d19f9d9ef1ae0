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
/// leaves it "unknown" (never resent): the answers of the last few milliseconds, at most <see cref="MaxWaiting"/> plus a
/// command's worth.
/// </remarks>
internal sealed partial class AnswerRecorder
{
    /// <summary>
    /// Senders wait to hand over an answer while this many are waiting to be written (the database is slow or down): one
    /// command's worth, so that a worker killed meanwhile leaves few accepted messages "sending" (then unknown).
    /// </summary>
    private const int MaxWaiting = OutboxSql.MaxRowsPerCommand;

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
                await WriteAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }

            flushes.ForEach(flush => flush.SetResult());
            flushes.Clear();
        }
    }

    /// <summary>
    /// Writes a batch together; when that fails, one answer at a time, so that one the database refuses holds back no other.
    /// A failing database is waited out (with backoff); an answer it keeps refusing while it answers otherwise is given up.
    /// </summary>
    private async Task WriteAsync(List<(long Id, string MessageId)> batch)
    {
        if (batch.Count > 1 && await TryWriteAsync(batch, failures: 1).ConfigureAwait(false))
        {
            return;
        }

        var databaseDown = false;
        foreach (var answer in batch)
        {
            for (var failures = 1; !await TryWriteAsync([answer], failures).ConfigureAwait(false); failures++)
            {
                // Twice refused (a deadlock or a dropped connection gets a second try) while the database answers a probe:
                // the answer itself cannot be stored. Waited out for a minute once: the rest get one try each.
                if (databaseDown || failures >= DatabaseBackoff.MaxFailures || (failures >= 2 && await _store.IsReachableAsync().ConfigureAwait(false)))
                {
                    databaseDown |= failures >= DatabaseBackoff.MaxFailures;
                    await GiveUpAsync(answer).ConfigureAwait(false);
                    break;
                }

                await Task.Delay(DatabaseBackoff.After(failures)).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<(long Id, string MessageId)> answers, int failures)
    {
        try
        {
            await _store.RecordAcceptedAsync(answers, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            Log.Failed(_logger, answers.Count, failures, e);
            return false;
        }
    }

    /// <summary>
    /// Records the message as accepted without its message id (so that no status webhook will move it on), which is true;
    /// when even that cannot be written, the row stays "sending" and becomes unknown once this worker's lease ends.
    /// </summary>
    private async Task GiveUpAsync((long Id, string MessageId) answer)
    {
        try
        {
            await _store.RecordEndAsync(
                answer.Id, OutboxState.Accepted, code: null, "The API accepted it, but its message id could not be recorded.", CancellationToken.None).ConfigureAwait(false);
            Log.RecordedWithoutMessageId(_logger, answer.Id);
        }
        catch (Exception e)
        {
            Log.GivenUp(_logger, answer.Id, e);
        }
    }

    /// <summary>An answer to write, or (with <paramref name="Written"/>) a flush to signal once those before it are written.</summary>
    private readonly record struct Answer(long Id, string MessageId, TaskCompletionSource? Written);

    private static partial class Log
    {
        [LoggerMessage(8, LogLevel.Warning, "Outbox: recording {Count} answer(s) of the API failed ({Failures} time(s) in a row).")]
        public static partial void Failed(ILogger logger, int count, int failures, Exception exception);

        [LoggerMessage(9, LogLevel.Error, "Outbox: row {Id} was accepted by the API but its message id could not be recorded; it is accepted, and status webhooks will not move it on.")]
        public static partial void RecordedWithoutMessageId(ILogger logger, long id);

        [LoggerMessage(10, LogLevel.Error, "Outbox: the API's answer for row {Id} could not be recorded; it stays sending, then unknown once this worker stops.")]
        public static partial void GivenUp(ILogger logger, long id, Exception exception);
    }
}
