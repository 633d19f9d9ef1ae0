using System.Data.Common;
using System.Globalization;

namespace MessageGen.Outbox.Storage;

/// <summary>
/// Creates the outbox's tables, or brings an older schema up to this version, in one transaction; workers that start
/// together wait for each other (PostgreSQL: an advisory lock; SQLite: the write lock).
/// </summary>
internal static class OutboxMigrations
{
    public static async Task RunAsync(DbConnection connection, OutboxDialect dialect, OutboxSql sql, CancellationToken cancellationToken)
    {
        if (dialect == OutboxDialect.Sqlite)
        {
            // Readers do not block the writer; must be set outside a transaction.
            await using var wal = OutboxStore.Command(connection, "PRAGMA journal_mode=WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.SchemaLock + sql.CreateVersionTable, cancellationToken).ConfigureAwait(false);
        await using var read = OutboxStore.Command(connection, sql.ReadVersion);
        read.Transaction = transaction;
        var stored = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        var version = stored is null or DBNull ? 0 : Convert.ToInt32(stored, CultureInfo.InvariantCulture);
        if (version > OutboxSql.SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The outbox's {dialect.Name} schema is version {version}, newer than this MessageGen.Outbox knows ({OutboxSql.SchemaVersion}): update the package.");
        }

        for (; version < OutboxSql.SchemaVersion; version++)
        {
            await ExecuteAsync(connection, transaction, sql.Migrations[version], cancellationToken).ConfigureAwait(false);
        }

        await using var write = OutboxStore.Command(connection, sql.WriteVersion, ("version", version));
        write.Transaction = transaction;
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string statement, CancellationToken cancellationToken)
    {
        await using var command = OutboxStore.Command(connection, statement);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
