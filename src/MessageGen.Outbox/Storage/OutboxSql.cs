using System.Text.RegularExpressions;

namespace MessageGen.Outbox.Storage;

/// <summary>
/// The outbox's statements, written once for both databases. Times are Unix milliseconds on the database's clock
/// (<see cref="OutboxDialect.Now"/>); a row's lease says until when its worker holds it.
/// </summary>
internal sealed class OutboxSql
{
    /// <summary>The schema's version; <see cref="Migrations"/> holds one script per version.</summary>
    public const int SchemaVersion = 1;

    // A status's rank: a row only moves to a higher one, so late or repeated webhooks never move it back.
    private const string RankOfState = "CASE state WHEN 'accepted' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 9 END";

    // Keys starting with @prefix ('' for all), compared exactly: SQLite's LIKE ignores case, PostgreSQL's does not.
    private const string HasPrefix = "substr(idempotency_key, 1, length(@prefix)) = @prefix";

    public OutboxSql(OutboxDialect dialect)
    {
        var now = dialect.Now;
        Migrations =
        [
            $"""
            CREATE TABLE outbox_messages (
                {dialect.IdColumn},
                idempotency_key TEXT NOT NULL UNIQUE,
                recipient TEXT NOT NULL,
                body {dialect.BodyType} NOT NULL,
                state TEXT NOT NULL,
                message_id TEXT NULL,
                error_code INTEGER NULL,
                error TEXT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT NULL,
                lease_until BIGINT NULL,
                not_before BIGINT NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL);
            CREATE INDEX outbox_messages_unfinished ON outbox_messages (id) WHERE state IN ('pending', 'sending');
            CREATE INDEX outbox_messages_state ON outbox_messages (state);
            CREATE INDEX outbox_messages_message_id ON outbox_messages (message_id);
            CREATE TABLE outbox_early_statuses (
                message_id TEXT NOT NULL PRIMARY KEY,
                state TEXT NOT NULL,
                error_code INTEGER NULL,
                recorded_at BIGINT NOT NULL);
            """,
        ];

        ReadVersion = "SELECT MAX(version) FROM outbox_schema";
        CreateVersionTable = "CREATE TABLE IF NOT EXISTS outbox_schema (version INTEGER NOT NULL)";
        WriteVersion = "DELETE FROM outbox_schema; INSERT INTO outbox_schema (version) VALUES (@version)";

        Enqueue = $"""
            INSERT INTO outbox_messages (idempotency_key, recipient, body, state, created_at, updated_at)
            VALUES (@key, @recipient, @body, 'pending', {now}, {now})
            ON CONFLICT (idempotency_key) DO NOTHING
            """;

        Claim = $"""
            UPDATE outbox_messages SET lease_owner = @worker, lease_until = {now} + @lease
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE state = 'pending' AND not_before <= {now} AND (lease_until IS NULL OR lease_until < {now}) AND {HasPrefix}
                ORDER BY id LIMIT @count {dialect.ClaimLock})
            RETURNING id, idempotency_key, recipient, body
            """;

        _markSending = new RowBatches($"""
            UPDATE outbox_messages SET state = 'sending', attempts = attempts + 1, lease_until = {now} + @lease, updated_at = {now}
            WHERE id = @id AND lease_owner = @worker AND state = 'pending'
            RETURNING id
            """, "@id");

        // A status webhook can beat the send's own answer here: the early one is applied, then forgotten.
        _recordAccepted = new RowBatches($"""
            {dialect.MessageLock}
            UPDATE outbox_messages SET
                state = COALESCE((SELECT e.state FROM outbox_early_statuses e WHERE e.message_id = @messageId), 'accepted'),
                error_code = (SELECT e.error_code FROM outbox_early_statuses e WHERE e.message_id = @messageId),
                message_id = @messageId, error = NULL, lease_owner = NULL, lease_until = NULL, updated_at = {now}
            WHERE id = @id;
            DELETE FROM outbox_early_statuses WHERE message_id = @messageId
            """, "@messageId", "@id");

        RecordEnd = $"""
            UPDATE outbox_messages SET state = @state, error_code = @code, error = @error, lease_owner = NULL, lease_until = NULL, updated_at = {now}
            WHERE id = @id
            """;

        RetryLater = $"""
            UPDATE outbox_messages SET
                state = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'pending' END,
                error_code = @code, error = @error, lease_owner = NULL, lease_until = NULL, not_before = {now} + @delay, updated_at = {now}
            WHERE id = @id AND lease_owner = @worker
            RETURNING state
            """;

        // Rows locked by this worker's own batch (marking or answering, which set or clear the lease themselves) are skipped:
        // waiting for them could deadlock with a batch that locks the same rows in another order.
        RenewLeases = $"""
            UPDATE outbox_messages SET lease_until = {now} + @lease
            WHERE id IN (SELECT id FROM outbox_messages WHERE lease_owner = @worker AND state IN ('pending', 'sending') {dialect.ClaimLock})
            """;

        Release = "UPDATE outbox_messages SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @worker AND state = 'pending'";

        ExpireLeases = $"""
            UPDATE outbox_messages SET state = 'unknown', error = @error, lease_owner = NULL, lease_until = NULL, updated_at = {now}
            WHERE state = 'sending' AND lease_until < {now}
            """;

        // Statuses of messages no outbox row ever claimed (sent another way), kept a week.
        ForgetOldEarlyStatuses = $"DELETE FROM outbox_early_statuses WHERE recorded_at < {now} - 604800000";

        ApplyStatus = $"""
            UPDATE outbox_messages SET state = @state, error_code = COALESCE(@code, error_code), updated_at = {now}
            WHERE message_id = @messageId AND {RankOfState} < @rank
            """;

        CountByMessageId = "SELECT COUNT(*) FROM outbox_messages WHERE message_id = @messageId";

        KeepEarlyStatus = $"""
            INSERT INTO outbox_early_statuses (message_id, state, error_code, recorded_at) VALUES (@messageId, @state, @code, {now})
            ON CONFLICT (message_id) DO UPDATE SET state = excluded.state, error_code = excluded.error_code
            WHERE {RankOfState.Replace("state", "excluded.state", StringComparison.Ordinal)} > {RankOfState.Replace("state", "outbox_early_statuses.state", StringComparison.Ordinal)}
            """;

        Totals = $"SELECT state, COUNT(*) FROM outbox_messages WHERE {HasPrefix} GROUP BY state";

        List = $"""
            SELECT idempotency_key, recipient, state, message_id, error_code, error, attempts FROM outbox_messages
            WHERE state = @state AND {HasPrefix} ORDER BY id LIMIT @limit
            """;

        Find = "SELECT idempotency_key, recipient, state, message_id, error_code, error, attempts FROM outbox_messages WHERE idempotency_key = @key";
    }

    /// <summary>The most rows <see cref="MarkSending"/> and <see cref="RecordAccepted"/> write in one command.</summary>
    public const int MaxRowsPerCommand = 32;

    private readonly RowBatches _markSending;
    private readonly RowBatches _recordAccepted;

    public IReadOnlyList<string> Migrations { get; }

    public string ReadVersion { get; }

    public string CreateVersionTable { get; }

    public string WriteVersion { get; }

    public string Enqueue { get; }

    public string Claim { get; }

    /// <summary>
    /// Records "sending" for <paramref name="count"/> rows (<c>@id0</c>, <c>@id1</c>, …; <c>@worker</c>, <c>@lease</c>),
    /// one result set each: the row's id when the worker still held it.
    /// </summary>
    public string MarkSending(int count) => _markSending.For(count);

    /// <summary>Records <paramref name="count"/> answers (<c>@id0</c>, <c>@messageId0</c>, <c>@id1</c>, …).</summary>
    public string RecordAccepted(int count) => _recordAccepted.For(count);

    public string RecordEnd { get; }

    public string RetryLater { get; }

    public string RenewLeases { get; }

    public string Release { get; }

    public string ExpireLeases { get; }

    public string ForgetOldEarlyStatuses { get; }

    public string ApplyStatus { get; }

    public string CountByMessageId { get; }

    public string KeepEarlyStatus { get; }

    public string Totals { get; }

    public string List { get; }

    public string Find { get; }

    /// <summary>The rank <see cref="ApplyStatus"/> compares with: a row moves to a state only from a lower one.</summary>
    public static int RankOf(OutboxState state) => state switch
    {
        OutboxState.Delivered => 2,
        // Failed and read are both ends; a failure after "read" would be the API's mistake.
        OutboxState.Read or OutboxState.Failed => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only webhook statuses have a rank."),
    };

    /// <summary>
    /// One statement per row, repeated in one command with the per-row parameters numbered. Every copy is the same statement
    /// text once PostgreSQL numbers its parameters, so one prepared statement serves all, and the command is one round trip.
    /// </summary>
    private sealed class RowBatches(string statement, params string[] rowParameters)
    {
        private readonly string?[] _byCount = new string?[MaxRowsPerCommand];

        public string For(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRowsPerCommand);
            return _byCount[count - 1] ??= string.Join(";\n", Enumerable.Range(0, count).Select(i => rowParameters.Aggregate(
                statement, (text, name) => Regex.Replace(text, $@"{name}\b", $"{name}{i}", RegexOptions.CultureInvariant))));
        }
    }
}
