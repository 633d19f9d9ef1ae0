using MessageGen.Sandbox;

namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxSenderTests(OutboxDatabases databases)
{
    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Draining_sends_every_message_once_and_records_the_api_message_id(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(30));
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w1")).DrainAsync();

        Assert.Equal(30, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
        Assert.All(TestMessages.AcceptedPerRecipient(sandbox), pair => Assert.Equal(1, pair.Value));
        var entry = await outbox.FindAsync("c:7");
        Assert.Equal(sandbox.Messages.Single(m => m.To == TestMessages.Recipient(7)).Id, entry?.MessageId);
        Assert.Equal(1, entry?.Attempts);

        // A second drain of the same outbox sends nothing more.
        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w2")).DrainAsync();
        Assert.Equal(30, sandbox.Messages.Count);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Several_workers_on_one_outbox_send_each_message_exactly_once(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var store = await databases.NewStoreAsync(kind);
        await using var producer = MessageOutbox.Open(store);
        await producer.EnqueueManyAsync(TestMessages.Texts(200));
        using var client = TestMessages.ClientOf(sandbox);

        // Each worker has its own outbox object and connections, as separate processes would.
        var workers = Enumerable.Range(1, 4).Select(i => MessageOutbox.Open(store)).ToArray();
        await Task.WhenAll(workers.Select((outbox, i) => new OutboxSender(outbox, client, TestMessages.QuickOptions($"w{i}")).DrainAsync()));

        Assert.Equal(200, sandbox.Messages.Count);
        Assert.Equal(200, TestMessages.AcceptedPerRecipient(sandbox).Count);
        Assert.Equal(200, (await producer.GetTotalsAsync())[OutboxState.Accepted]);
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_message_left_sending_by_a_dead_worker_becomes_unknown_and_is_never_resent(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(3));

        // A worker claims all three, writes "sending" for the first, and dies (no answer recorded, no lease renewed).
        var claimed = await outbox.Store.ClaimAsync("dead", 3, TimeSpan.FromSeconds(1), null, CancellationToken.None);
        Assert.Equal([claimed[0].Id], await outbox.Store.MarkSendingAsync([claimed[0].Id], "dead", TimeSpan.FromSeconds(1), CancellationToken.None));
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("alive")).DrainAsync();

        var first = await outbox.FindAsync("c:1");
        Assert.Equal(OutboxState.Unknown, first?.State);
        Assert.Contains("may have been sent", first?.Error, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("c:2"))?.State);
        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("c:3"))?.State);
        Assert.DoesNotContain(sandbox.Messages, m => m.To == TestMessages.Recipient(1));
        Assert.Equal(2, sandbox.Messages.Count);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_worker_whose_lease_was_taken_over_does_not_send(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c:1");
        var slow = (await outbox.Store.ClaimAsync("slow", 1, TimeSpan.FromMilliseconds(200), null, CancellationToken.None)).Single();
        await Task.Delay(400);
        var taken = (await outbox.Store.ClaimAsync("fast", 1, TimeSpan.FromSeconds(30), null, CancellationToken.None)).Single();

        Assert.Equal(slow.Id, taken.Id);
        Assert.Empty(await outbox.Store.MarkSendingAsync([slow.Id], "slow", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal([taken.Id], await outbox.Store.MarkSendingAsync([taken.Id], "fast", TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Marking_several_rows_at_once_marks_only_those_whose_lease_the_worker_holds(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(3));
        var mine = await outbox.Store.ClaimAsync("mine", 2, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        var theirs = (await outbox.Store.ClaimAsync("theirs", 1, TimeSpan.FromSeconds(30), null, CancellationToken.None)).Single();

        var marked = await outbox.Store.MarkSendingAsync([mine[0].Id, theirs.Id, mine[1].Id], "mine", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(mine.Select(row => row.Id).Order(), marked.Order());
        Assert.Equal(2, (await outbox.GetTotalsAsync())[OutboxState.Sending]);
        Assert.Equal(OutboxState.Pending, (await outbox.FindAsync(theirs.Key))?.State);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Each_of_many_sends_marked_together_learns_whether_its_own_row_was_marked(string kind)
    {
        var store = await databases.NewStoreAsync(kind);
        await using var outbox = MessageOutbox.Open(store);
        await outbox.EnqueueManyAsync(TestMessages.Texts(40));
        var mine = await outbox.Store.ClaimAsync("mine", 30, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        var theirs = await outbox.Store.ClaimAsync("theirs", 10, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        var recorder = new SendingRecorder(outbox.Store, "mine", TimeSpan.FromSeconds(30));

        // Forty at once: more than one command holds, and they queue behind the write in flight.
        var rows = mine.Concat(theirs).OrderBy(_ => Random.Shared.Next()).ToList();
        var marked = await Task.WhenAll(rows.Select(row => Task.Run(() => recorder.MarkAsync(row.Id))));

        Assert.All(rows.Zip(marked), pair => Assert.Equal(mine.Contains(pair.First), pair.Second));
        Assert.Equal(30, (await outbox.GetTotalsAsync())[OutboxState.Sending]);
        if (kind == "postgresql")
        {
            // Rows written by one transaction share its id (xmin): far fewer transactions than rows.
            await using var connection = new Npgsql.NpgsqlConnection(store);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(DISTINCT xmin::text) FROM outbox_messages WHERE state = 'sending'", connection);
            Assert.InRange(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), 1, 15);
        }
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_worker_whose_lease_was_taken_over_cannot_put_the_message_back_to_pending(string kind)
    {
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c:1");
        var stalled = (await outbox.Store.ClaimAsync("stalled", 1, TimeSpan.FromMilliseconds(200), null, CancellationToken.None)).Single();
        await Task.Delay(400);
        var taken = (await outbox.Store.ClaimAsync("other", 1, TimeSpan.FromSeconds(30), null, CancellationToken.None)).Single();
        Assert.Equal([taken.Id], await outbox.Store.MarkSendingAsync([taken.Id], "other", TimeSpan.FromSeconds(30), CancellationToken.None));

        // The stalled worker's rate limiter fails now: it must not make the row another worker is sending pending again.
        var state = await outbox.Store.RetryLaterAsync(stalled.Id, "stalled", null, "limiter down", TimeSpan.Zero, 5, CancellationToken.None);

        Assert.Null(state);
        Assert.Equal(OutboxState.Sending, (await outbox.FindAsync("c:1"))?.State);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_sender_with_a_key_prefix_sends_only_its_messages_and_does_not_wait_for_others(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "spring:1");
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(2)), "SPRING:1");
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(3)), "autumn:1");
        using var client = TestMessages.ClientOf(sandbox);
        var options = TestMessages.QuickOptions("w");
        options.KeyPrefix = "spring:";

        await new OutboxSender(outbox, client, options).DrainAsync();

        Assert.Equal([TestMessages.Recipient(1)], sandbox.Messages.Select(m => m.To));
        Assert.Equal(OutboxState.Pending, (await outbox.FindAsync("SPRING:1"))?.State);
        Assert.Equal(1, (await outbox.GetTotalsAsync("spring:")).Total);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_refusal_is_failed_with_the_api_code_and_the_rest_is_sent(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#131051) Unsupported message type","type":"OAuthException","code":131051,"fbtrace_id":"t"}}""")
            .ForRecipient(TestMessages.Recipient(2)));
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(3));
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync();

        var failed = await outbox.FindAsync("c:2");
        Assert.Equal(OutboxState.Failed, failed?.State);
        Assert.Equal(131051, failed?.ErrorCode);
        Assert.Equal(2, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_transient_error_puts_the_message_back_and_it_is_sent_on_a_later_try(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503), times: 2);
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c:1");
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync();

        var entry = await outbox.FindAsync("c:1");
        Assert.Equal(OutboxState.Accepted, entry?.State);
        Assert.Equal(3, entry?.Attempts);
        Assert.Single(sandbox.Messages);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_message_the_api_never_took_fails_after_the_last_attempt(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503), times: 3);
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c:1");
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w", maxAttempts: 3)).DrainAsync();

        var entry = await outbox.FindAsync("c:1");
        Assert.Equal(OutboxState.Failed, entry?.State);
        Assert.Equal(3, entry?.Attempts);
        Assert.Empty(sandbox.Messages);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task No_answer_after_the_post_is_unknown_and_not_resent(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.DropConnection().ForRecipient(TestMessages.Recipient(1)));
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "c:1");
        using var client = TestMessages.ClientOf(sandbox, maxRetries: 3);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync();

        Assert.Equal(OutboxState.Unknown, (await outbox.FindAsync("c:1"))?.State);
        Assert.Equal(0, sandbox.Faults.Pending);
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task Stopping_mid_run_leaves_nothing_sending_and_a_second_run_sends_the_rest_once(string kind)
    {
        // Stopped as the tenth message arrives; the limit keeps the other fifty waiting their turn then.
        using var stop = new CancellationTokenSource();
        var arrived = 0;
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            RequestObserved = _ =>
            {
                if (Interlocked.Increment(ref arrived) == 10)
                {
                    stop.Cancel();
                }
            },
        });
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(60));
        using var client = LimitedClientOf(sandbox, messagesPerSecond: 40);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("first")).DrainAsync(stop.Token);

        var stopped = await outbox.GetTotalsAsync();
        Assert.Equal(0, stopped[OutboxState.Sending]);
        Assert.InRange(stopped[OutboxState.Pending], 1, 59);
        Assert.Equal(sandbox.Messages.Count, stopped[OutboxState.Accepted]);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("second")).DrainAsync();

        Assert.Equal(60, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
        Assert.Equal(60, TestMessages.AcceptedPerRecipient(sandbox).Count);
        Assert.Equal(60, sandbox.Messages.Count);
    }

    [Fact]
    public async Task A_refused_key_stops_the_sender_and_keeps_the_messages_pending()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync("sqlite"));
        await outbox.EnqueueManyAsync(TestMessages.Texts(5));
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "wrong-key", BaseAddress = sandbox.BaseAddress });

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync());

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal(5, (await outbox.GetTotalsAsync())[OutboxState.Pending]);
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task Sending_is_written_while_a_message_waits_for_its_place_so_the_post_is_not_delayed()
    {
        var afterThePlace = await MedianOverheadAsync(TimeSpan.Zero);
        // Most places are reserved 300 ms ahead or more: a head start of up to 250 ms leaves a busy machine room for the write.
        var whileWaiting = await MedianOverheadAsync(TimeSpan.FromMilliseconds(250));

        // Left: handing the answer over, microseconds; the write no longer counts.
        Assert.True(whileWaiting * 5 < afterThePlace, $"written while waiting: {whileWaiting}; written after the place was due: {afterThePlace}");
    }

    /// <summary>Sends sixteen messages at 20 a second (after the burst of two, each waits 50 ms or more for its place).</summary>
    private async Task<TimeSpan> MedianOverheadAsync(TimeSpan recordSendingAhead)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync("postgresql"));
        await outbox.EnqueueManyAsync(TestMessages.Texts(16));
        using var client = LimitedClientOf(sandbox, messagesPerSecond: 20);
        var options = TestMessages.QuickOptions("w");
        options.RecordSendingAhead = recordSendingAhead;
        var sender = new OutboxSender(outbox, client, options);

        await sender.DrainAsync();

        Assert.Equal(16, sandbox.Messages.Count);
        Assert.Equal(16, sender.StartingOverhead.Count + sender.Overhead.Count);
        return sender.StartingOverhead.Median;
    }

    [Theory]
    [ClassData(typeof(StoreKinds))]
    public async Task A_message_waiting_for_its_place_is_not_sending_until_shortly_before_it_goes(string kind)
    {
        // One message per second: the second gets its place a second ahead, and its row stays pending 300 ms into that
        // second (counted from when the place was given, however slowly a cold machine sends the first).
        await using var sandbox = await SandboxServer.StartAsync();
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync(kind));
        await outbox.EnqueueManyAsync(TestMessages.Texts(2));
        var counted = new TaskCompletionSource<OutboxTotals>(TaskCreationOptions.RunContinuationsAsynchronously);
        var limiter = new PlaceObserver(new InProcessSendRateLimiter(new SendRateLimitOptions { MessagesPerSecond = 1 }), (place, until) =>
        {
            if (place == 2)
            {
                Assert.True(until > TimeSpan.FromMilliseconds(500), $"the second place was due in {until}");
                _ = Task.Run(async () =>
                {
                    await Task.Delay(300);
                    counted.TrySetResult(await outbox.GetTotalsAsync());
                });
            }
        });
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = sandbox.ApiKey, BaseAddress = sandbox.BaseAddress, RateLimiter = limiter });

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync();

        var whileWaiting = await counted.Task;
        Assert.Equal(1, whileWaiting[OutboxState.Pending]);
        Assert.Equal(0, whileWaiting[OutboxState.Sending]);
        Assert.Equal(2, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
    }

    [Fact]
    public async Task Renewing_leases_skips_rows_a_batch_of_the_same_worker_holds_rather_than_waiting_on_them()
    {
        var store = await databases.NewStoreAsync("postgresql");
        await using var outbox = MessageOutbox.Open(store);
        await outbox.EnqueueManyAsync(TestMessages.Texts(3));
        var rows = await outbox.Store.ClaimAsync("w", 3, TimeSpan.FromSeconds(30), null, CancellationToken.None);

        // A batch holds the first row's lock until its transaction ends (waiting on it could close a deadlock cycle).
        await using var batch = new Npgsql.NpgsqlConnection(store);
        await batch.OpenAsync();
        await using var transaction = await batch.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand($"UPDATE outbox_messages SET updated_at = updated_at WHERE id = {rows[0].Id}", batch, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var renewed = await outbox.Store.RenewLeasesAsync("w", TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, renewed);
    }

    [Fact]
    public async Task An_answer_the_database_refuses_holds_back_no_other_and_its_message_is_still_accepted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        // PostgreSQL cannot store a NUL character in text: this message id cannot be written.
        sandbox.Faults.Enqueue(SandboxFault.Answer(200, """{"messaging_product":"whatsapp","messages":[{"id":"wamid.\u0000"}]}""").ForRecipient(TestMessages.Recipient(3)));
        await using var outbox = MessageOutbox.Open(await databases.NewStoreAsync("postgresql"));
        await outbox.EnqueueManyAsync(TestMessages.Texts(8));
        using var client = TestMessages.ClientOf(sandbox);

        await new OutboxSender(outbox, client, TestMessages.QuickOptions("w")).DrainAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(8, (await outbox.GetTotalsAsync())[OutboxState.Accepted]);
        var refused = await outbox.FindAsync("c:3");
        Assert.Null(refused?.MessageId);
        Assert.Contains("message id could not be recorded", refused?.Error, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 8).Where(i => i != 3), i => Assert.StartsWith("wamid.", outbox.FindAsync($"c:{i}").Result?.MessageId, StringComparison.Ordinal));
    }

    /// <summary>Tells <paramref name="observe"/> of each place the limiter gives (1, 2, …) and how long until it is due.</summary>
    private sealed class PlaceObserver(ISendRateLimiter limiter, Action<int, TimeSpan> observe) : ISendRateLimiter
    {
        private int _places;

        public ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default) =>
            limiter.WaitAsync(scope, recipient, cancellationToken);

        public async ValueTask<TimeSpan> ReserveAsync(string scope, string recipient, CancellationToken cancellationToken = default)
        {
            var until = await limiter.ReserveAsync(scope, recipient, cancellationToken);
            observe(Interlocked.Increment(ref _places), until);
            return until;
        }
    }

    private static WhatsAppClient LimitedClientOf(SandboxServer sandbox, double messagesPerSecond) => new(new WhatsAppClientOptions
    {
        ApiKey = sandbox.ApiKey,
        BaseAddress = sandbox.BaseAddress,
        RateLimiter = new InProcessSendRateLimiter(new SendRateLimitOptions { MessagesPerSecond = messagesPerSecond }),
    });
}
