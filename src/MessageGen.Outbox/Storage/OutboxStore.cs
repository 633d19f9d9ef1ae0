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
    /// Opens <paramref name="count"/> connections at once and returns them to the pool, so that the first messages do not
    /// each wait for a new connection (a new PostgreSQL backend costs milliseconds).
    /// </summary>
    public async Task WarmUpAsync(int count, CancellationToken cancellationToken)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => OpenAsync(cancellationToken))).ConfigureAwait(false);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string worker, int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Claim, ("worker", worker), ("lease", Milliseconds(lease)), ("count", count));
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

    /// <summary>Records "sending" before the POST; false when the worker lost the row's lease (another worker may hold it).</summary>
    public async Task<bool> MarkSendingAsync(long id, string worker, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(_sql.MarkSending, cancellationToken, ("id", id), ("worker", worker), ("lease", Milliseconds(lease))).ConfigureAwait(false) == 1;

    public Task RecordAcceptedAsync(long id, string messageId, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.RecordAccepted, cancellationToken, ("id", id), ("messageId", messageId));

    public Task RecordEndAsync(long id, OutboxState state, int? code, string? error, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.RecordEnd, cancellationToken, ("id", id), ("state", OutboxStateNames.Of(state)), ("code", code), ("error", error));

    /// <summary>Puts a message the API did not take back to pending, to try after <paramref name="delay"/>; failed after the last attempt.</summary>
    public async Task<OutboxState> RetryLaterAsync(long id, int? code, string error, TimeSpan delay, int maxAttempts, CancellationToken cancellationToken)
    {
        using var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection, _sql.RetryLater, ("id", id), ("code", code), ("error", error), ("delay", Milliseconds(delay)), ("maxAttempts", maxAttempts));
        return OutboxStateNames.Parse((string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    public Task<int> RenewLeasesAsync(string worker, TimeSpan lease, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.RenewLeases, cancellationToken, ("worker", worker), ("lease", Milliseconds(lease)));

    public Task<int> ReleaseAsync(string worker, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.Release, cancellationToken, ("worker", worker));

    /// <summary>Marks "unknown" every row left "sending" by a worker whose lease ended: it may have been sent.</summary>
    public Task<int> ExpireLeasesAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.ExpireLeases, cancellationToken, ("error", "Its worker stopped while sending it (its lease ended): it may have been sent."));

    public async Task<bool> RecordStatusAsync(string messageId, OutboxState state, int? code, CancellationToken cancellationToken)
    {
        if (await ApplyStatusAsync(messageId, state, code, cancellationToken).ConfigureAwait(false) || await IsKnownAsync(messageId, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        // Not recorded as accepted yet (the webhook beat the send's answer), or not this outbox's: keep it for the answer,
        // then look again, since the answer may have been recorded in between.
        await ExecuteAsync(_sql.KeepEarlyStatus, cancellationToken, ("messageId", messageId), ("state", OutboxStateNames.Of(state)), ("code", code)).ConfigureAwait(false);
        if (!await IsKnownAsync(messageId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await ApplyStatusAsync(messageId, state, code, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(_sql.ForgetEarlyStatus, cancellationToken, ("messageId", messageId)).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyDictionary<OutboxState, long>> CountAsync(string? keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.Totals, ("pattern", LikePattern(keyPrefix)));
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
            connection, _sql.List, ("state", OutboxStateNames.Of(state)), ("pattern", LikePattern(keyPrefix)), ("limit", limit));
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

    private async Task<bool> ApplyStatusAsync(string messageId, OutboxState state, int? code, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            _sql.ApplyStatus, cancellationToken, ("messageId", messageId), ("state", OutboxStateNames.Of(state)), ("code", code), ("rank", OutboxSql.RankOf(state)))
            .ConfigureAwait(false) > 0;

    public async Task<bool> IsKnownAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _sql.CountByMessageId, ("messageId", messageId));
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

    /// <summary>Opens a connection, creating or migrating the schema on the first.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!_migrated)
        {
            await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return connection;
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

    /// <summary>A LIKE pattern for keys starting with <paramref name="prefix"/>, its wildcards escaped.</summary>
    private static string LikePattern(string? prefix) =>
        (prefix ?? string.Empty).Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

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
