using Microsoft.Extensions.Logging.Abstractions;

namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class AnswerRecorderTests(OutboxDatabases databases)
{
    [Fact]
    public async Task An_answer_the_database_refuses_in_a_batch_holds_back_none_of_the_others_in_it()
    {
        var store = await databases.NewStoreAsync("postgresql");
        await using var outbox = MessageOutbox.Open(store);
        await outbox.EnqueueManyAsync(TestMessages.Texts(4));
        var rows = await outbox.Store.ClaimAsync("w", 4, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        var answers = new AnswerRecorder(outbox.Store, NullLogger.Instance);

        // The first answer's write waits on a row lock, so that the next three are read together, as one batch.
        await using (var blocker = new Npgsql.NpgsqlConnection(store))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockRow = new Npgsql.NpgsqlCommand($"SELECT id FROM outbox_messages WHERE id = {rows[0].Id} FOR UPDATE", blocker, transaction))
            {
                await lockRow.ExecuteNonQueryAsync();
            }

            await answers.AddAsync(rows[0].Id, "wamid.first");
            await Task.Delay(200);
            await answers.AddAsync(rows[1].Id, "wamid.second");
            // PostgreSQL cannot store a NUL character in text: this message id cannot be written.
            await answers.AddAsync(rows[2].Id, "wamid.\u0000");
            await answers.AddAsync(rows[3].Id, "wamid.fourth");
            await transaction.CommitAsync();
        }

        await answers.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(4, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
        Assert.Equal(new[] { "wamid.first", "wamid.second", null, "wamid.fourth" }, await Task.WhenAll(rows.Select(async row => (await outbox.FindAsync(row.Key))?.MessageId)));
        Assert.Contains("message id could not be recorded", (await outbox.FindAsync(rows[2].Key))?.Error, StringComparison.Ordinal);
    }
}
