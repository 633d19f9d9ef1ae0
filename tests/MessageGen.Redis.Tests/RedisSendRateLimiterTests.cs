using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace MessageGen.Redis.Tests;

public sealed class RedisSendRateLimiterTests
{
    private const string Scope = "number-a";

    /// <summary>
    /// What the test's own observation may add to a window: grants it sees late arrive bunched, one per concurrent waiter
    /// (two limiters, four each). Limits not shared would still show far more (twice the burst and the rate).
    /// </summary>
    private const int Slack = 8;

    private static RedisSendRateLimiterOptions Options(double messagesPerSecond, int burst, bool pairLimit = false, TimeSpan? pairPeriod = null, int pairBurst = 1) => new()
    {
        KeyPrefix = $"test:{Guid.NewGuid():N}:",
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        Limits = new SendRateLimitOptions
        {
            MessagesPerSecond = messagesPerSecond,
            MessagesBurst = burst,
            PairLimit = pairLimit,
            PairLimitPeriod = pairPeriod ?? TimeSpan.FromSeconds(6),
            PairLimitBurst = pairBurst,
        },
    };

    /// <summary>Runs <paramref name="count"/> acquisitions from each limiter, <paramref name="concurrency"/> at a time each.</summary>
    private static Task Acquire(IEnumerable<ISendRateLimiter> limiters, int count, int concurrency, Timeline timeline, Func<int, string>? recipient = null) =>
        Task.WhenAll(limiters.Select(limiter => Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            await limiter.WaitAsync(Scope, recipient?.Invoke(i) ?? $"r{i}", ct);
            timeline.Mark();
        })));

    [Fact]
    public async Task Two_processes_share_the_throughput_limit()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = await redis.ConnectAsync();
        using var second = await redis.ConnectAsync();
        var options = Options(messagesPerSecond: 20, burst: 2);
        var limiters = new[] { new RedisSendRateLimiter(first, options), new RedisSendRateLimiter(second, options) };
        var timeline = new Timeline();

        var elapsed = Stopwatch.StartNew();
        await Acquire(limiters, count: 30, concurrency: 4, timeline);
        elapsed.Stop();

        // 60 at 20/s after a burst of 2: at least (60 - 2) / 20 = 2.9 s; alone, each limiter would have taken half that.
        Assert.Equal(60, timeline.Count);
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(2.7), $"took {elapsed.Elapsed}");
        // No window holds more than the bucket allows (burst + rate × window), give or take a few for a loaded test machine
        // that sees grants late and bunched; two limits not shared would show twice the rate.
        Assert.True(timeline.MostInAnyWindow(1.0) <= 2 + 20 + Slack, $"{timeline.MostInAnyWindow(1.0)} in one second");
        Assert.True(timeline.MostInAnyWindow(0.5) <= 2 + 10 + Slack, $"{timeline.MostInAnyWindow(0.5)} in half a second");
    }

    [Fact]
    public async Task Reserves_places_ahead_without_waiting_for_them()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();

        await Reservations.AssertReservedAheadWithoutWaitingAsync(new RedisSendRateLimiter(connection, Options(messagesPerSecond: 4, burst: 1)));
    }

    [Fact]
    public async Task Many_waiting_senders_make_one_redis_call_per_message()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();
        var limiter = new RedisSendRateLimiter(connection, Options(messagesPerSecond: 50, burst: 1));
        var server = connection.GetServer(redis.Configuration);
        await server.ExecuteAsync("CONFIG", "RESETSTAT");

        // 24 senders waiting at once, as three workers of eight would: each message reserves its place in one call,
        // rather than all of them coming back at every free place.
        await Acquire([limiter], count: 100, concurrency: 24, new Timeline());

        var stats = (string)(await server.ExecuteAsync("INFO", "commandstats"))!;
        var calls = stats.Split('\n').Where(line => line.StartsWith("cmdstat_eval", StringComparison.Ordinal))
            .Sum(line => long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(calls, 100, 110);
    }

    [Fact]
    public async Task Two_processes_share_the_pair_limit_and_other_recipients_do_not_wait()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = await redis.ConnectAsync();
        using var second = await redis.ConnectAsync();
        var options = Options(messagesPerSecond: 1000, burst: 10, pairLimit: true, pairPeriod: TimeSpan.FromSeconds(1.5), pairBurst: 2);
        var a = new RedisSendRateLimiter(first, options);
        var b = new RedisSendRateLimiter(second, options);

        var elapsed = Stopwatch.StartNew();
        await a.WaitAsync(Scope, "4915100000001");
        await a.WaitAsync(Scope, "4915100000001");
        var burst = elapsed.Elapsed;
        await b.WaitAsync(Scope, "4915100000002");
        var otherRecipient = elapsed.Elapsed;
        await b.WaitAsync(Scope, "4915100000001");
        var third = elapsed.Elapsed;
        await a.WaitAsync(Scope, "4915100000001");
        var fourth = elapsed.Elapsed;
        await a.WaitAsync("number-b", "4915100000001");
        var otherNumber = elapsed.Elapsed - fourth;

        Assert.True(burst < TimeSpan.FromSeconds(1.2), $"burst took {burst}");
        Assert.True(otherRecipient < TimeSpan.FromSeconds(1.2), $"another recipient waited until {otherRecipient}");
        // The burst borrowed two periods ahead: the third message waits for the first period, the fourth for the second.
        Assert.True(third >= TimeSpan.FromSeconds(1.3), $"third at {third}");
        Assert.True(fourth >= TimeSpan.FromSeconds(2.8), $"fourth at {fourth}");
        Assert.True(otherNumber < TimeSpan.FromSeconds(1.2), $"another sender number waited {otherNumber}");
    }

    [Fact]
    public async Task When_Redis_stops_sends_wait_warn_once_and_go_on_within_the_limit_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = await redis.ConnectAsync();
        using var second = await redis.ConnectAsync();
        var options = Options(messagesPerSecond: 20, burst: 1);
        var logger = new FakeLogger<RedisSendRateLimiter>();
        var limiters = new[] { new RedisSendRateLimiter(first, options, logger), new RedisSendRateLimiter(second, options, logger) };
        var timeline = new Timeline();

        var sending = Acquire(limiters, count: 20, concurrency: 2, timeline);
        while (timeline.Count < 10)
        {
            await Task.Delay(10);
        }

        await redis.StopAsync();
        // Places granted before the stop (up to 100 ms ahead) are marked by then, however busy the machine.
        await Task.Delay(1000);
        var beforeOutage = timeline.Count;
        await Task.Delay(1500);
        Assert.Equal(beforeOutage, timeline.Count);
        Assert.False(sending.IsCompleted);

        var restarted = timeline.Sorted().LastOrDefault();
        await redis.StartAgainAsync();
        await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(40, timeline.Count);
        Assert.True(beforeOutage < 40);
        Assert.True(timeline.MostInAnyWindow(0.5) <= 1 + 10 + Slack, $"{timeline.MostInAnyWindow(0.5)} in half a second");
        Assert.True(timeline.MostInAnyWindow(0.5, from: restarted) <= 1 + 10 + Slack);
        var warnings = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        // One warning per limiter (each is one process) for the outage, and none carries the connection string.
        Assert.InRange(warnings.Count, 1, 2);
        Assert.All(warnings, w => Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Message));
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_send_fails_without_sending_when_Redis_stays_unreachable_past_the_timeout()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();
        var options = Options(messagesPerSecond: 20, burst: 1);
        options.UnavailableTimeout = TimeSpan.FromSeconds(1);
        var limiter = new RedisSendRateLimiter(connection, options);
        await limiter.WaitAsync(Scope, "r");
        await redis.StopAsync();

        await Assert.ThrowsAsync<RateLimiterUnavailableException>(async () => await limiter.WaitAsync(Scope, "r"));
    }

    [Fact]
    public async Task Keys_carry_neither_the_recipient_nor_more_than_the_scope_and_expire()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();
        // Slow limits, so that neither key has expired (its bucket full again) before it is looked at.
        var options = Options(messagesPerSecond: 0.1, burst: 1, pairLimit: true, pairPeriod: TimeSpan.FromSeconds(20), pairBurst: 1);
        await new RedisSendRateLimiter(connection, options).WaitAsync(Scope, "4915112345678");

        var keys = connection.GetServer(redis.Configuration).Keys(pattern: options.KeyPrefix + "*").Select(k => k.ToString()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.DoesNotContain("4915112345678", k));
        Assert.All(keys, k => Assert.Contains("{" + Scope + "}", k));
        foreach (var key in keys)
        {
            var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(21));
        }
    }
}
