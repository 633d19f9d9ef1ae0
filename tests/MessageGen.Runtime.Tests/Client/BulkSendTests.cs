using MessageGen.Runtime.Tests.Schema;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class BulkSendTests
{
    private static readonly string[] s_recipients = ["+15550000001", "+15550000002", "+15550000003", "+15550000004", "+15550000005", "+15550000006"];

    [Fact]
    public async Task One_rejected_message_does_not_stop_the_others_and_results_keep_input_order()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#131026) Message undeliverable","code":131026}}""")
            .ForRecipient(s_recipients[2]));
        var messages = s_recipients.Select(to => Messages.Video(to)).ToArray();

        var results = await client.SendManyAsync(messages, new BulkSendOptions { MaxConcurrency = 3, MessagesPerSecond = 1000 });

        Assert.Equal(Enumerable.Range(0, messages.Length), results.Select(r => r.Index));
        Assert.Equal(messages, results.Select(r => r.Message));
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(2, failed.Index);
        Assert.Equal(WhatsAppErrorCodes.Undeliverable, Assert.IsType<WhatsAppApiException>(failed.Error).ErrorCode);
        Assert.False(failed.OutcomeUnknown);
        Assert.Equal(s_recipients.Except([s_recipients[2]]).Order(), sandbox.Messages.Select(m => m.To).Order());
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Contains(sandbox.Messages, m => m.Id == r.Result!.MessageId && m.To == ((VideoMessage)r.Message).To));
    }

    [Fact]
    public async Task Without_a_rate_limiter_the_bulk_send_paces_at_the_apis_default_of_80_a_second()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var messages = Enumerable.Range(1, 24).Select(i => Messages.Video($"+1555{i:D7}")).ToArray();
        // Warm: a cold first send could take the 0.18 s below by itself.
        await client.SendAsync(Messages.Video("+15550000000"));

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var results = await client.SendManyAsync(messages);

        // A burst of 8, then 16 more at 80 a second.
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.18), $"took {elapsed.Elapsed}");
    }

    [Fact]
    public async Task With_the_clients_rate_limiter_the_bulk_send_is_paced_by_it_alone()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var limiter = new RecordingLimiter();
        using var client = SandboxClient.Create(sandbox, o => o.RateLimiter = limiter);
        var messages = Enumerable.Range(1, 400).Select(i => Messages.Video($"+1555{i:D7}")).ToArray();

        // The same sends with a bulk rate that holds nothing back: what they take on this machine now.
        var unpaced = System.Diagnostics.Stopwatch.StartNew();
        await client.SendManyAsync(messages, new BulkSendOptions { MessagesPerSecond = 1_000_000 });
        unpaced.Stop();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var results = await client.SendManyAsync(messages);

        // Paced at 80 a second as well, 400 would take at least 4.9 s; this limiter lets every one through at once.
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(800, limiter.Recipients.Count);
        // Room for a slow machine (twice the unpaced run), but never as long as pacing takes.
        var bound = TimeSpan.FromTicks(Math.Clamp(2 * unpaced.Elapsed.Ticks, TimeSpan.FromSeconds(3.5).Ticks, TimeSpan.FromSeconds(4.5).Ticks));
        Assert.True(elapsed.Elapsed < bound, $"took {elapsed.Elapsed}; unpaced {unpaced.Elapsed}");
    }

    [Fact]
    public async Task A_lost_answer_is_reported_as_unknown_and_never_resent_even_when_retries_of_unknown_outcomes_are_on()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.RetryWhenOutcomeUnknown = true);
        sandbox.Faults.Enqueue(SandboxFault.DropConnection().ForRecipient(s_recipients[4]));
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503).ForRecipient(s_recipients[1]));

        var results = await client.SendManyAsync(s_recipients.Select(to => Messages.Video(to)).ToArray());

        var lost = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(4, lost.Index);
        Assert.True(lost.OutcomeUnknown);
        Assert.Equal(1, sandbox.Requests.Count(r => r.Body.Span.IndexOf(System.Text.Encoding.UTF8.GetBytes(s_recipients[4])) >= 0));
        // The 503 said "not taken", so that one was retried and delivered exactly once.
        Assert.Single(sandbox.Messages, m => m.To == s_recipients[1]);
        Assert.Equal(5, sandbox.Messages.Count);
        Assert.Equal(sandbox.Messages.Count, sandbox.Messages.Select(m => m.To).Distinct().Count());
    }

    [Fact]
    public async Task Invalid_messages_are_reported_and_not_sent()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
#pragma warning disable MG0005 // deliberately invalid, to reach the run-time check
        IWhatsAppMessage[] messages = [Messages.Video(s_recipients[0]), new VideoMessage { To = "x", Video = new VideoMedia { Id = "1" } }];
#pragma warning restore MG0005

        var results = await client.SendManyAsync(messages);

        Assert.True(results[0].Succeeded);
        Assert.IsType<MessageValidationException>(results[1].Error);
        Assert.False(results[1].Attempted);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task A_message_that_cannot_be_written_fails_alone_and_the_others_keep_their_results()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var loneSurrogate = new VideoMessage { To = s_recipients[1], Video = new VideoMedia { Id = "1", Caption = "broken \ud83c text" } };
        IWhatsAppMessage[] messages = [Messages.Video(s_recipients[0]), loneSurrogate, Messages.Video(s_recipients[2])];

        var results = await client.SendManyAsync(messages);

        Assert.True(results[0].Succeeded);
        // Validation catches the lone surrogate that JSON text cannot carry, so nothing of it is sent.
        Assert.Equal("$.video.caption", Assert.Single(Assert.IsType<MessageValidationException>(results[1].Error).Errors).Path);
        Assert.False(results[1].Attempted);
        Assert.True(results[2].Succeeded);
        Assert.Equal([s_recipients[0], s_recipients[2]], sandbox.Messages.Select(m => m.To).Order());
    }

    [Fact]
    public async Task Cancelling_reports_unstarted_messages_as_not_attempted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var results = await client.SendManyAsync(s_recipients.Select(to => Messages.Video(to)).ToArray(), cancellationToken: cancellation.Token);

        Assert.All(results, r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
        Assert.All(results, r => Assert.False(r.Attempted));
        Assert.Empty(sandbox.Requests);
    }
}
