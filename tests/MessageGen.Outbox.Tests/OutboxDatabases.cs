using MessageGen.Testing;

namespace MessageGen.Outbox.Tests;

/// <summary>One real PostgreSQL for the whole test run; each test gets a new database in it, or a new SQLite file.</summary>
public sealed class OutboxDatabases : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "messagegen-outbox-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private PostgresServer? _postgres;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _postgres = await PostgresServer.StartAsync();
    }

    /// <summary>A new, empty store of the kind named: <c>sqlite</c> (a file path) or <c>postgresql</c> (a connection string).</summary>
    public async Task<string> NewStoreAsync(string kind) => kind switch
    {
        "sqlite" => Path.Combine(_directory, Guid.NewGuid().ToString("N")[..8] + ".db"),
        "postgresql" => await Postgres.CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class OutboxCollection : ICollectionFixture<OutboxDatabases>
{
    public const string Name = "outbox databases";
}

/// <summary>Both stores, for theories that must hold on each.</summary>
public sealed class StoreKinds : TheoryData<string>
{
    public StoreKinds()
    {
        Add("sqlite");
        Add("postgresql");
    }
}
