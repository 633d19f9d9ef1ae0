using MessageGen.Outbox.Storage;
using MessageGen.Sandbox;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxStatusTests(OutboxDatabases databases)
{
    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Statuses_move_a_row_forward_only(string kind)
    {
        await using var outbox = await AcceptedAsync(kind, "wamid.A");

        Assert.True(await outbox.RecordStatusAsync("wamid.A", "sent"));
        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("k"))?.State);
        Assert.True(await outbox.RecordStatusAsync("wamid.A", "read"));
        Assert.True(await outbox.RecordStatusAsync("wamid.A", "delivered"));
        Assert.True(await outbox.RecordStatusAsync("wamid.A", "a_status_from_the_future"));

        Assert.Equal(OutboxState.Read, (await outbox.FindAsync("k"))?.State);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_failed_status_records_the_api_code(string kind)
    {
        await using var outbox = await AcceptedAsync(kind, "wamid.F");

        await outbox.RecordStatusAsync("wamid.F", "delivered");
        await outbox.RecordStatusAsync("wamid.F", "failed", 131026);

        var entry = await outbox.FindAsync("k");
        Assert.Equal(OutboxState.Failed, entry?.State);
        Assert.Equal(131026, entry?.ErrorCode);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_status_that_beats_the_send_answer_is_applied_when_the_answer_is_recorded(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(3, keyPrefix: "k"));
        var rows = await SendingRowsAsync(outbox, 3);

        Assert.False(await outbox.RecordStatusAsync("wamid.2", "delivered"));
        // Answers are recorded together; only the one with an early status takes it.
        await outbox.Store.RecordAcceptedAsync(rows.Select((row, i) => (row.Id, $"wamid.{i + 1}")).ToList(), CancellationToken.None);

        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("k1"))?.State);
        Assert.Equal(OutboxState.Delivered, (await outbox.FindAsync("k2"))?.State);
        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("k3"))?.State);
        // The early status is forgotten once applied: a later "read" moves the row on as usual.
        Assert.True(await outbox.RecordStatusAsync("wamid.2", "read"));
        Assert.Equal(OutboxState.Read, (await outbox.FindAsync("k2"))?.State);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_status_arriving_while_the_answer_is_recorded_is_never_lost(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(40, keyPrefix: "k"));
        var rows = await SendingRowsAsync(outbox, 40);

        // Answers, recorded in batches of eight, and each one's "delivered" webhook race, as they do when the API is fast.
        await Task.WhenAll(rows.Chunk(8).Select(batch => Task.WhenAll(
            Task.Run(() => outbox.Store.RecordAcceptedAsync(batch.Select(row => (row.Id, $"wamid.{row.Id}")).ToList(), CancellationToken.None)),
            Task.WhenAll(batch.Select(row => Task.Run(() => outbox.RecordStatusAsync($"wamid.{row.Id}", "delivered")))))));

        Assert.Equal(40, (await outbox.GetTotalsAsync())[OutboxState.Delivered]);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_status_of_a_message_not_in_the_outbox_changes_nothing(string kind)
    {
        await using var outbox = await AcceptedAsync(kind, "wamid.X");

        Assert.False(await outbox.RecordStatusAsync("wamid.other", "read"));
        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("k"))?.State);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Webhooks_wired_to_the_outbox_move_sent_messages_to_read_or_failed(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWhatsAppWebhooks(o =>
        {
            o.HeaderName = "X-Secret";
            o.HeaderValue = "outbox-test-secret";
        });
        builder.Services.AddSingleton<IMessageOutbox>(outbox);
        builder.Services.AddSingleton<OutboxStatuses>();
        await using var app = builder.Build();
        app.MapWhatsAppWebhook<OutboxStatuses>("/hook");
        await app.StartAsync();
        var hook = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/hook");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Webhook = new SandboxWebhook(hook, new Dictionary<string, string> { ["X-Secret"] = "outbox-test-secret" }),
        });
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "read-me");
        await outbox.EnqueueAsync(TestMessages.Text("491510000131026"), "undeliverable"); // the sandbox fails a "to" ending in 0131026 with 131026
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync();

        var read = await WaitForStateAsync(outbox, "read-me", OutboxState.Read);
        var failed = await WaitForStateAsync(outbox, "undeliverable", OutboxState.Failed);
        Assert.Equal(131026, failed.ErrorCode);
        Assert.NotNull(read.MessageId);
        await app.StopAsync();
    }

    private static async Task<OutboxEntry> WaitForStateAsync(IMessageOutbox outbox, string key, OutboxState state)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await outbox.FindAsync(key) is { } entry && entry.State == state)
            {
                return entry;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"{key} did not reach {state}: {await outbox.FindAsync(key)}");
    }

    private async Task<MessageOutbox> AcceptedAsync(string kind, string messageId)
    {
        var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "k");
        var row = (await SendingRowsAsync(outbox, 1)).Single();
        await outbox.Store.RecordAcceptedAsync([(row.Id, messageId)], CancellationToken.None);
        return outbox;
    }

    /// <summary>Claims <paramref name="count"/> rows as worker "w" and marks them "sending", as a sender does before its POSTs.</summary>
    private static async Task<IReadOnlyList<ClaimedMessage>> SendingRowsAsync(MessageOutbox outbox, int count)
    {
        var rows = await outbox.Store.ClaimAsync("w", count, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        foreach (var chunk in rows.Chunk(OutboxSql.MaxRowsPerCommand))
        {
            await outbox.Store.MarkSendingAsync(chunk.Select(row => row.Id).ToList(), "w", TimeSpan.FromSeconds(30), CancellationToken.None);
        }

        return rows;
    }

    /// <summary>The handler docs/sending-at-scale.md shows.</summary>
    private sealed class OutboxStatuses(IMessageOutbox outbox) : IWhatsAppWebhookHandler
    {
        public Task HandleAsync(WhatsAppEvent e, CancellationToken ct) => e is MessageStatusEvent status
            ? outbox.RecordStatusAsync(status.MessageId, status.Status, status.Errors.FirstOrDefault()?.Code, ct)
            : Task.CompletedTask;
    }
}
