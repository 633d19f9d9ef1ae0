namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxEnqueueTests(OutboxDatabases databases)
{
    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task The_same_key_enqueued_twice_is_stored_once_and_keeps_the_first_message(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));

        Assert.True(await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1), "first"), "order-1042"));
        Assert.False(await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(2), "second"), "order-1042"));

        var entry = Assert.IsType<OutboxEntry>(await outbox.FindAsync("order-1042"));
        Assert.Equal(TestMessages.Recipient(1), entry.Recipient);
        Assert.Equal(OutboxState.Pending, entry.State);
        Assert.Equal(1, (await outbox.GetTotalsAsync()).Total);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Enqueuing_many_adds_only_new_keys_in_one_go(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c1:1");

        var added = await outbox.EnqueueManyAsync(TestMessages.Texts(5, keyPrefix: "c1:"));

        Assert.Equal(4, added);
        Assert.Equal(5, (await outbox.GetTotalsAsync())[OutboxState.Pending]);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task An_invalid_message_is_refused_with_its_violations_and_nothing_is_stored(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        var invalid = new Schema.TextMessage { To = TestMessages.Recipient(1), Text = new Schema.TextContent { Body = "" } };

        var error = await Assert.ThrowsAsync<MessageValidationException>(() => outbox.EnqueueManyAsync(
            [new OutboxMessage("ok", TestMessages.Text(TestMessages.Recipient(2))), new OutboxMessage("bad", invalid)]));

        Assert.Contains(error.Errors, e => e.Path.Contains("body", StringComparison.Ordinal));
        Assert.Equal(0, (await outbox.GetTotalsAsync()).Total);
    }

    [Fact]
    public async Task A_key_longer_than_the_limit_is_refused()
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync("sqlite"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), new string('k', 201)));

        Assert.Contains("at most 200", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Totals_and_lists_by_key_prefix_treat_wildcards_as_text(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "a_b:1");
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(2)), "axb:1");
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(3)), "a%b:1");

        Assert.Equal(1, (await outbox.GetTotalsAsync("a_b:")).Total);
        Assert.Equal(1, (await outbox.GetTotalsAsync("a%b:")).Total);
        Assert.Equal(3, (await outbox.GetTotalsAsync()).Total);
        var listed = Assert.Single(await outbox.GetEntriesAsync(OutboxState.Pending, "a_b:"));
        Assert.Equal(TestMessages.Recipient(1), listed.Recipient);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task What_was_enqueued_survives_reopening_the_store(string kind)
    {
        var store = await databases.NewStoreAsync(kind);
        await using (var first = MessageOutbox.Open(store))
        {
            await first.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "kept");
        }

        await using var second = MessageOutbox.Open(store);
        Assert.Equal(OutboxState.Pending, (await second.FindAsync("kept"))?.State);
    }
}
