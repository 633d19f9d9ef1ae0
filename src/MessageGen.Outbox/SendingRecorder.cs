using MessageGen.Outbox.Storage;

namespace MessageGen.Outbox;

/// <summary>
/// Records "sending" for the messages about to be posted, those that come together in one command (group commit): a burst
/// of sends (a rate limit's burst, a campaign starting or resuming) costs one round trip and one commit, rather than one
/// each queued on the database. A message that comes alone is written at once.
/// </summary>
internal sealed class SendingRecorder(OutboxStore store, string worker, TimeSpan lease)
{
    private readonly object _gate = new();
    private List<(long Id, TaskCompletionSource<bool> Marked)> _waiting = [];
    private bool _writing;

    /// <summary>Records "sending" for row <paramref name="id"/>; false when the worker lost the row's lease (not marked).</summary>
    public Task<bool> MarkAsync(long id)
    {
        var marked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool write;
        lock (_gate)
        {
            _waiting.Add((id, marked));
            write = !_writing;
            _writing = true;
        }

        if (write)
        {
            _ = WriteWhileWaitingAsync();
        }

        return marked.Task;
    }

    /// <summary>Writes what is waiting, then what came meanwhile, until nothing waits; only one runs at a time.</summary>
    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<(long Id, TaskCompletionSource<bool> Marked)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _waiting.Count <= OutboxSql.MaxRowsPerCommand ? _waiting : _waiting[..OutboxSql.MaxRowsPerCommand];
                _waiting = _waiting.Count <= OutboxSql.MaxRowsPerCommand ? [] : _waiting[OutboxSql.MaxRowsPerCommand..];
            }

            try
            {
                var marked = await store.MarkSendingAsync(batch.ConvertAll(row => row.Id), worker, lease, CancellationToken.None).ConfigureAwait(false);
                batch.ForEach(row => row.Marked.SetResult(marked.Contains(row.Id)));
            }
            catch (Exception e)
            {
                // Each sender sees the database's error and retries its message later, as when it wrote alone.
                batch.ForEach(row => row.Marked.SetException(e));
            }
        }
    }
}
