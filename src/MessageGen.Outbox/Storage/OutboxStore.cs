using System.Data;
using System.Data.Common;

namespace MessageGen.Outbox.Storage;

/// <summary>The outbox's rows in SQLite or PostgreSQL: every statement a worker or a caller runs, one method each.</summary>
internal sealed class OutboxStore : IAsyncDisposable
{
    private readonly DbDataSource _source;
    private readonly OutboxSql _sql;
    private readonly SemaphoreSlim _migration = new(1, 1);

    // SQLite has one writer at a time: writers of this process queue here rather than in SQLite's busy handler, which
    // sleeps and retries with growing delays (hundreds of milliseconds with a few concurrent senders).
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private volatile bool _migrated;

    public OutboxStore(string store)
    {
        (Dialect, _source) = OutboxDialect.Open(store);
        _sql = new OutboxSql(Dialect);
    }

    public OutboxDialect Dialect { get; }

    public async Task<int> EnqueueAsync(IReadOnlyList<(string Key, string Recipient, byte[] Body)> rows, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Enqueue);
        command.Transaction = transaction;
        var key = Parameter(command, "key", DbType.String);
        var recipient = Parameter(command, "recipient", DbType.String);
        var body = Parameter(command, "body", DbType.Binary);
        var added = 0;
        foreach (var row in rows)
        {
            key.Value = row.Key;
            recipient.Value = row.Recipient;
            body.Value = row.Body;
            added += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections at once and readies each for the statements a send runs, so that the
    /// first messages do not pay for new connections (a PostgreSQL backend costs milliseconds), for parsing and planning
    /// on each, or for compiling the code that runs them.
    /// </summary>
    public async Task WarmUpAsync(int count, CancellationToken cancellationToken)
    {
        var opened = new List<DbConnection>();
        try
        {
            // Held open together, so that each is a connection of its own; a few are enough to start with.
            for (var i = 0; i < Math.Min(count, 16); i++)
            {
                var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                opened.Add(connection);
                foreach (var (sql, parameters) in new (string, (string, object?)[])[]
                {
                    // No row has id 0: both change nothing.
                    (_sql.MarkSending(1), [("id0", 0L), ("worker", string.Empty), ("lease", 0L)]),
                    (_sql.RecordAccepted(1), [("id0", 0L), ("messageId0", string.Empty)]),
                })
                {
                    using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = Command(connection, sql, parameters);
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string worker, int count, TimeSpan lease, string? keyPrefix, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Claim, ("worker", worker), ("lease", Milliseconds(lease)), ("count", count), ("prefix", keyPrefix ?? string.Empty));
        var claimed = new List<ClaimedMessage>(count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new ClaimedMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3)));
            }
        }

        // RETURNING gives no order: send in the order they were enqueued.
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <summary>
    /// Records "sending" for rows about to be posted (at most <see cref="OutboxSql.MaxRowsPerCommand"/>) and returns those
    /// marked; a row missing is one whose lease the worker lost (another worker may hold it), and is left alone.
    /// </summary>
    public async Task<IReadOnlySet<long>> MarkSendingAsync(IReadOnlyList<long> ids, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        var marked = new HashSet<long>();
        // In id order, as every batch locks its rows, so that two never wait on each other.
        var parameters = ids.Order().Select((id, i) => ($"id{i}", (object?)id)).Append(("worker", worker)).Append(("lease", Milliseconds(lease))).ToArray();
        await InOneTransactionAsync(_sql.MarkSending(ids.Count), parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    marked.Add(reader.GetInt64(0));
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <summary>
    /// Records the API's answers (at most <see cref="OutboxSql.MaxRowsPerCommand"/>) and applies statuses that came before
    /// them, all or none, each under its message's lock.
    /// </summary>
    public Task RecordAcceptedAsync(IReadOnlyList<(long Id, string MessageId)> answers, CancellationToken cancellationToken) =>
        InOneTransactionAsync(
            _sql.RecordAccepted(answers.Count),
            answers.OrderBy(answer => answer.Id).SelectMany((answer, i) => new (string, object?)[] { ($"id{i}", answer.Id), ($"messageId{i}", answer.MessageId) }).ToArray(),
            command => command.ExecuteNonQueryAsync(cancellationToken),
            cancellationToken);

    public Task RecordEndAsync(long id, OutboxState state, int? code, string? error, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.RecordEnd, cancellationToken, ("id", id), ("state", OutboxStateNames.Of(state)), ("code", code), ("error", error));

    /// <summary>
    /// Puts a message that was not sent, or not taken by the API, back to pending for a try after <paramref name="delay"/>
    /// (failed after the last attempt); only while <paramref name="worker"/> still holds it, so that a row another worker
    /// took over (and may be sending) never becomes pending again. Null when the worker no longer held it.
    /// </summary>
    public async Task<OutboxState?> RetryLaterAsync(long id, string worker, int? code, string error, TimeSpan delay, int maxAttempts, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection, _sql.RetryLater, ("id", id), ("worker", worker), ("code", code), ("error", error), ("delay", Milliseconds(delay)), ("maxAttempts", maxAttempts));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string state ? OutboxStateNames.Parse(state) : null;
    }

    public Task<int> RenewLeasesAsync(string worker, TimeSpan lease, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.RenewLeases, cancellationToken, ("worker", worker), ("lease", Milliseconds(lease)));

    public Task<int> ReleaseAsync(string worker, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.Release, cancellationToken, ("worker", worker));

    /// <summary>Marks "unknown" every row left "sending" by a worker whose lease ended: it may have been sent.</summary>
    public async Task<int> ExpireLeasesAsync(CancellationToken cancellationToken)
    {
        var expired = await ExecuteAsync(_sql.ExpireLeases, cancellationToken, ("error", "Its worker stopped while sending it (its lease ended): it may have been sent.")).ConfigureAwait(false);
        await ExecuteAsync(_sql.ForgetOldEarlyStatuses, cancellationToken).ConfigureAwait(false);
        return expired;
    }

    /// <summary>
    /// Applies a status to the row the API knows as <paramref name="messageId"/>; when no row has that id yet (the webhook
    /// beat the send's answer, or the message is not this outbox's), keeps it for the answer. One transaction, holding the
    /// same lock as <see cref="RecordAcceptedAsync"/>, so that the two never miss each other.
    /// </summary>
    public Task<bool> RecordStatusAsync(string messageId, OutboxState state, int? code, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var name = OutboxStateNames.Of(state);
                if (Dialect.MessageLock.Length > 0)
                {
                    await ExecuteAsync(connection, transaction, Dialect.MessageLock, cancellationToken, ("messageId", messageId)).ConfigureAwait(false);
                }

                if (await ExecuteAsync(connection, transaction, _sql.ApplyStatus, cancellationToken, ("messageId", messageId), ("state", name), ("code", code), ("rank", OutboxSql.RankOf(state))).ConfigureAwait(false) > 0)
                {
                    return true;
                }

                if (await IsKnownAsync(connection, transaction, messageId, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                await ExecuteAsync(connection, transaction, _sql.KeepEarlyStatus, cancellationToken, ("messageId", messageId), ("state", name), ("code", code)).ConfigureAwait(false);
                return false;
            },
            cancellationToken);

    public async Task<IReadOnlyDictionary<OutboxState, long>> CountAsync(string? keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Totals, ("prefix", keyPrefix ?? string.Empty));
        var counts = new Dictionary<OutboxState, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[OutboxStateNames.Parse(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxState state, string? keyPrefix, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection, _sql.List, ("state", OutboxStateNames.Of(state)), ("prefix", keyPrefix ?? string.Empty), ("limit", limit));
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Find, ("key", key));
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _migration.Dispose();
        _sqliteWriter.Dispose();
    }

    /// <summary>This process's turn to write, on SQLite; nothing to wait for on PostgreSQL, whose row locks suffice.</summary>
    private async Task<IDisposable?> WriterAsync(CancellationToken cancellationToken)
    {
        if (Dialect != OutboxDialect.Sqlite)
        {
            return null;
        }

        await _sqliteWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(_sqliteWriter);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    /// <summary>Whether the database answers a trivial query: told apart from a statement it refuses.</summary>
    public async Task<bool> IsReachableAsync()
    {
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = Command(connection, "SELECT 1");
            await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether a row of this outbox has the API's message id <paramref name="messageId"/>.</summary>
    public async Task<bool> IsKnownAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await IsKnownAsync(connection, transaction: null, messageId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsKnownAsync(DbConnection connection, DbTransaction? transaction, string messageId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, _sql.CountByMessageId, ("messageId", messageId));
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new OutboxEntry(
                Key: reader.GetString(0),
                Recipient: reader.GetString(1),
                State: OutboxStateNames.Parse(reader.GetString(2)),
                MessageId: reader.IsDBNull(3) ? null : reader.GetString(3),
                ErrorCode: reader.IsDBNull(4) ? null : reader.GetInt32(4),
                Error: reader.IsDBNull(5) ? null : reader.GetString(5),
                Attempts: reader.GetInt32(6)));
        }

        return entries;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a command of several statements as one transaction: on PostgreSQL statements sent together run in one implicit
    /// transaction, in a single round trip; SQLite runs them in a write transaction.
    /// </summary>
    private async Task InOneTransactionAsync(string sql, (string Name, object? Value)[] parameters, Func<DbCommand, Task> run, CancellationToken cancellationToken)
    {
        if (Dialect == OutboxDialect.PostgreSql)
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(connection, sql, parameters);
            await run(command).ConfigureAwait(false);
            return;
        }

        await InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, sql, parameters);
                command.Transaction = transaction;
                await run(command).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (SQLite: <c>BEGIN IMMEDIATE</c>, the database's write lock).</summary>
    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Opens a connection, creating or migrating the schema on the first.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await OutboxMigrations.RunAsync(connection, Dialect, _sql, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;

    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are OutboxSql's constants; values travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = Parameter(command, name, value switch
            {
                long => DbType.Int64,
                int or null => DbType.Int32,
                _ => DbType.String,
            });
            parameter.Value = value ?? DBNull.Value;
        }

        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
