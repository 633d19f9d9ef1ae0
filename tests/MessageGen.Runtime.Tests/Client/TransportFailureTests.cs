using MessageGen.Testing;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class TransportFailureTests
{
    [Fact]
    public async Task A_dropped_connection_after_sending_is_an_unknown_outcome_and_is_not_retried()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.DropConnection());

        var error = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(WhatsAppTransportFailure.ResponseLost, error.Failure);
        Assert.True(error.MayHaveBeenDelivered);
        Assert.Contains("may have been delivered", error.Message, StringComparison.Ordinal);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        Assert.Single(sandbox.Requests);
        Assert.Empty(time.RequestedWaits);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_when_the_caller_opts_in()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.RetryWhenOutcomeUnknown = true);
        sandbox.Faults.Enqueue(SandboxFault.DropConnection());

        var result = await client.SendAsync(Messages.Video());

        Assert.Equal([0, 200], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_an_unknown_outcome()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.Timeout = TimeSpan.FromMilliseconds(200));
        sandbox.Faults.Enqueue(SandboxFault.SlowAnswer(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(WhatsAppTransportFailure.TimedOut, error.Failure);
        Assert.True(error.MayHaveBeenDelivered);
        Assert.Contains("within 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Sends_after_a_timeout_or_a_cancellation_get_a_fresh_timeout()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        // Seconds, not milliseconds: on a busy machine the first send (JIT, connection) alone has taken over 0.5 s.
        using var client = SandboxClient.Create(sandbox, options => options.Timeout = TimeSpan.FromSeconds(3));

        // A first send warms up the connection and both ends, so that the timeout below is spent waiting for the slow
        // answer, not cut short before the sandbox has taken the fault.
        var warmUp = await client.SendAsync(Messages.Video());
        sandbox.Faults.Enqueue(SandboxFault.SlowAnswer(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video()));
        using (var cancellation = new CancellationTokenSource())
        {
            sandbox.Faults.Enqueue(SandboxFault.SlowAnswer(TimeSpan.FromSeconds(30)));
            var cancelled = client.SendAsync(Messages.Video(), cancellation.Token);
            await sandbox.WaitUntilFaultsTakenAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        // Sequential, so that each send's timeout source is one a previous send returned to the pool.
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await client.SendAsync(Messages.Video())).MessageId);
        }

        Assert.Equal(sandbox.Messages.Select(m => m.Id), [warmUp.MessageId, .. ids]);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_surfaces_as_cancellation_and_is_not_retried()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.SlowAnswer(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        var sending = client.SendAsync(Messages.Video(), cancellation.Token);
        await sandbox.WaitUntilFaultsTakenAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Empty(time.RequestedWaits);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Messages.Video(), new CancellationToken(canceled: true)));

        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_refused_connection_sent_nothing_so_it_is_retried_and_then_reported_as_safe_to_retry()
    {
        Uri closedAddress;
        await using (var sandbox = await SandboxServer.StartAsync())
        {
            closedAddress = sandbox.BaseAddress;
        }

        var time = new InstantTimeProvider();
        using var client = new WhatsAppClient(
            new WhatsAppClientOptions { ApiKey = "key", BaseAddress = closedAddress, Retry = { UseJitter = false, MaxRetries = 2 } }, timeProvider: time);

        var error = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(WhatsAppTransportFailure.ConnectionFailed, error.Failure);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Equal(3, error.Attempts);
        Assert.Equal([1, 2], time.RequestedWaits.Select(wait => wait.TotalSeconds));
        Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
    }
}
