using System.Net;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class RetryTests
{
    [Fact]
    public async Task Waits_the_seconds_that_retry_after_asks_then_sends_again()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(3)));

        var result = await client.SendAsync(Messages.Video());

        Assert.Equal([TimeSpan.FromSeconds(3)], time.RequestedWaits);
        Assert.Equal([429, 200], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task Each_retry_of_a_send_takes_its_place_in_the_rate_limits_again()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var limiter = new RecordingLimiter();
        using var client = SandboxClient.Create(sandbox, o => o.RateLimiter = limiter);
        sandbox.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503));

        await client.SendAsync(Messages.Video());

        // Three POSTs, as the API counts them: three places taken, each for the message's recipient.
        Assert.Equal(3, sandbox.Requests.Count(r => r.Path == "/messages"));
        Assert.Equal(3, limiter.Recipients.Count);
        Assert.Single(limiter.Recipients.Distinct());
    }

    [Fact]
    public async Task A_place_the_limiter_reserved_ahead_is_waited_out_before_the_post()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        var limiter = new ReservingLimiter(TimeSpan.FromMilliseconds(300));
        using var client = SandboxClient.Create(sandbox, o => o.RateLimiter = limiter, time);

        await client.SendAsync(Messages.Video());

        Assert.Equal(1, limiter.Reservations);
        Assert.Equal([TimeSpan.FromMilliseconds(300)], time.RequestedWaits);
        Assert.Single(sandbox.Messages);
    }

    [Fact]
    public async Task A_limiter_that_only_waits_reserves_by_waiting()
    {
        ISendRateLimiter limiter = new RecordingLimiter();

        Assert.Equal(TimeSpan.Zero, await limiter.ReserveAsync("scope", "4915100000001"));
        Assert.Equal(["4915100000001"], ((RecordingLimiter)limiter).Recipients);
    }

    [Fact]
    public async Task Waits_until_the_http_date_that_retry_after_names()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.TooManyRequests(time.Now.AddSeconds(7)));

        await client.SendAsync(Messages.Video());

        Assert.Equal([TimeSpan.FromSeconds(7)], time.RequestedWaits);
        Assert.Single(sandbox.Messages);
    }

    [Fact]
    public async Task Retry_after_on_a_503_is_honoured_too()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.Answer(503, """{"error":"Service temporarily unavailable"}""", retryAfter: "5"));

        await client.SendAsync(Messages.Video());

        Assert.Equal([TimeSpan.FromSeconds(5)], time.RequestedWaits);
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_exponentially()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.Answer(429, """{"error":"Too many requests"}"""), times: 2);

        await client.SendAsync(Messages.Video());

        Assert.Equal([100, 200], time.RequestedWaits.Select(wait => wait.TotalMilliseconds));
        Assert.Equal([429, 429, 200], sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Gives_up_at_once_when_retry_after_is_longer_than_allowed()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(10), time);
        sandbox.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(120)));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(WhatsAppErrorCodes.ThroughputLimit, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Empty(time.RequestedWaits);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task Retries_server_errors_with_doubling_waits_and_stops_after_the_configured_retries()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.MaxRetries = 3, time);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(), times: 5);

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, sandbox.Requests.Count);
        Assert.Equal([100, 200, 400], time.RequestedWaits.Select(wait => wait.TotalMilliseconds));
        Assert.Empty(sandbox.Messages);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_server_error_followed_by_success_delivers_once(int status)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(status));

        var result = await client.SendAsync(Messages.Video());

        Assert.Equal([status, 200], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task Jittered_waits_stay_between_half_and_all_of_the_doubling_delay()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.UseJitter = true, time);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503), times: 3);

        await client.SendAsync(Messages.Video());

        var waits = time.RequestedWaits.Select(wait => wait.TotalMilliseconds).ToArray();
        Assert.Equal(3, waits.Length);
        Assert.InRange(waits[0], 50, 100);
        Assert.InRange(waits[1], 100, 200);
        Assert.InRange(waits[2], 200, 400);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var time = new InstantTimeProvider();
        using var client = SandboxClient.Create(sandbox, time: time);
        sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026}}"""));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(WhatsAppErrorCodes.Undeliverable, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, error.Attempts);
        Assert.Single(sandbox.Requests);
        Assert.Empty(time.RequestedWaits);
    }

    [Fact]
    public async Task The_throughput_code_is_retried_whatever_the_status()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#130429) Rate limit hit","code":130429}}"""));

        await client.SendAsync(Messages.Video());

        Assert.Equal([400, 200], sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.Retry.MaxRetries = 0);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(sandbox.Requests);
    }

    /// <summary>Reserves every place <paramref name="ahead"/> of now.</summary>
    private sealed class ReservingLimiter(TimeSpan ahead) : ISendRateLimiter
    {
        private int _reservations;

        public int Reservations => _reservations;

        public ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The client reserves its first attempt's place.");

        public ValueTask<TimeSpan> ReserveAsync(string scope, string recipient, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reservations);
            return ValueTask.FromResult(ahead);
        }
    }
}
