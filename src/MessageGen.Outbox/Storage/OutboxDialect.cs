using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MessageGen.Outbox.Storage;

/// <summary>What differs between the two databases; everything else is the same SQL.</summary>
internal sealed class OutboxDialect
{
    private OutboxDialect(string name, string now, string claimLock, string idColumn, string bodyType, string schemaLock, string messageLock)
    {
        MessageLock = messageLock;
        Name = name;
        Now = now;
        ClaimLock = claimLock;
        IdColumn = idColumn;
        BodyType = bodyType;
        SchemaLock = schemaLock;
    }

    /// <summary>SQLite: one writer at a time, so a claim needs no row locks; the database's clock in milliseconds.</summary>
    public static OutboxDialect Sqlite { get; } = new(
        "SQLite",
        now: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
        claimLock: "",
        idColumn: "id INTEGER PRIMARY KEY AUTOINCREMENT",
        bodyType: "BLOB",
        schemaLock: "",
        messageLock: "");

    /// <summary>
    /// PostgreSQL: workers claim with <c>FOR UPDATE SKIP LOCKED</c> so that they never wait on, or take, each other's rows;
    /// the server's clock, so that workers on machines whose clocks differ agree on when a lease ends.
    /// </summary>
    public static OutboxDialect PostgreSql { get; } = new(
        "PostgreSQL",
        now: "(extract(epoch from clock_timestamp()) * 1000)::bigint",
        claimLock: "FOR UPDATE SKIP LOCKED",
        idColumn: "id BIGSERIAL PRIMARY KEY",
        bodyType: "BYTEA",
        schemaLock: "SELECT pg_advisory_xact_lock(7340431985);",
        messageLock: "SELECT pg_advisory_xact_lock(hashtext(@messageId));");

    public string Name { get; }

    /// <summary>An expression for "now" in Unix milliseconds, on the database's clock.</summary>
    public string Now { get; }

    public string ClaimLock { get; }

    public string IdColumn { get; }

    public string BodyType { get; }

    /// <summary>
    /// Serializes, per message id and within a transaction, recording a send's answer and a status webhook about it, so
    /// that the status is either applied to the row or kept for the answer, never lost between the two. SQLite needs none:
    /// a write transaction holds the database's only write lock.
    /// </summary>
    public string MessageLock { get; }

    /// <summary>Serializes schema creation between workers starting together.</summary>
    public string SchemaLock { get; }

    /// <summary>
    /// The dialect and data source for <paramref name="store"/>: a PostgreSQL connection string (<c>Host=…</c>) or a SQLite
    /// file path (or SQLite connection string, <c>Data Source=…</c>).
    /// </summary>
    public static (OutboxDialect Dialect, DbDataSource Source) Open(string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        if (IsPostgreSql(store))
        {
            var postgres = new NpgsqlDataSourceBuilder(store);
            // The outbox runs the same few statements per message: prepared once per connection, they skip parsing and planning.
            postgres.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(postgres.ConnectionStringBuilder.MaxAutoPrepare, 32);
            postgres.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            return (PostgreSql, postgres.Build());
        }

        var sqlite = new SqliteConnectionStringBuilder(store.Contains('=', StringComparison.Ordinal) ? store : $"Data Source={store}")
        {
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout: workers of one machine share the file.
            DefaultTimeout = 30,
        };
        return (Sqlite, SqliteFactory.Instance.CreateDataSource(sqlite.ConnectionString));
    }

    /// <summary>Whether <paramref name="store"/> names a PostgreSQL database rather than a SQLite file.</summary>
    private static bool IsPostgreSql(string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
