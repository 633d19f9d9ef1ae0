using System.Diagnostics;

namespace MessageGen.Redis.Tests;

/// <summary>The in-process limiter holds the same limits as the Redis one, within one process.</summary>
public sealed class InProcessSendRateLimiterTests
{
    [Fact]
    public async Task Holds_the_throughput_and_pair_limits()
    {
        var limiter = new InProcessSendRateLimiter(new SendRateLimitOptions
        {
            MessagesPerSecond = 20,
            MessagesBurst = 2,
            PairLimitPeriod = TimeSpan.FromSeconds(1),
            PairLimitBurst = 1,
        });

        var timeline = new Timeline();
        var elapsed = Stopwatch.StartNew();
        await Parallel.ForAsync(0, 22, async (i, ct) =>
        {
            await limiter.WaitAsync("s", $"r{i}", ct);
            timeline.Mark();
        });
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {elapsed.Elapsed}");
        // Burst + rate × window, give or take what the test's own observation adds on a loaded machine (grants it sees
        // late arrive bunched), as in RedisSendRateLimiterTests; a limiter that did not pace would show all 22 at once.
        Assert.True(timeline.MostInAnyWindow(0.5) <= 2 + 10 + 4, $"{timeline.MostInAnyWindow(0.5)} in half a second");

        elapsed.Restart();
        await limiter.WaitAsync("s", "same");
        await limiter.WaitAsync("s", "same");
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.9), $"pair took {elapsed.Elapsed}");
    }

    [Fact]
    public Task Reserves_places_ahead_without_waiting_for_them() =>
        Reservations.AssertReservedAheadWithoutWaitingAsync(new InProcessSendRateLimiter(new SendRateLimitOptions { MessagesPerSecond = 4, MessagesBurst = 1 }));
}
