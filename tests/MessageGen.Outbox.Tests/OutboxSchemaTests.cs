using Npgsql;

namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxSchemaTests(OutboxDatabases databases)
{
    [Fact]
    public async Task Workers_starting_together_create_the_schema_once()
    {
        var store = await databases.NewStoreAsync("postgresql");
        var outboxes = Enumerable.Range(0, 6).Select(_ => MessageOutbox.Open(store)).ToArray();

        await Task.WhenAll(outboxes.Select((outbox, i) => outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(i)), $"k{i}")));

        Assert.Equal(6, (await outboxes[0].GetTotalsAsync()).Total);
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*), MAX(version) FROM outbox_schema", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(1, reader.GetInt32(1));
        foreach (var outbox in outboxes)
        {
            await outbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_schema_newer_than_the_package_is_a_clear_error_not_a_downgrade()
    {
        var store = await databases.NewStoreAsync("postgresql");
        await using (var outbox = MessageOutbox.Open(store))
        {
            await outbox.GetTotalsAsync();
        }

        await using (var connection = new NpgsqlConnection(store))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE outbox_schema SET version = 99", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var newer = MessageOutbox.Open(store);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.GetTotalsAsync());
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("update the package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_string_never_appears_in_a_connection_error()
    {
        var store = $"Host=127.0.0.1;Port={databases.Postgres.Port};Username=postgres;Database=missing_db;Password=hunter2-secret";
        await using var outbox = MessageOutbox.Open(store);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => outbox.GetTotalsAsync());

        Assert.DoesNotContain("hunter2-secret", error.ToString(), StringComparison.Ordinal);
    }
}
