using System.Diagnostics;

namespace MessageGen.Redis.Tests;

/// <summary>What both limiters' <see cref="ISendRateLimiter.ReserveAsync"/> must do.</summary>
internal static class Reservations
{
    /// <summary>
    /// At 10 a second with no burst, five reservations return at once, each place due 100 ms after the one before: the
    /// caller, not the limiter, waits them out.
    /// </summary>
    public static async Task AssertReservedAheadWithoutWaitingAsync(ISendRateLimiter limiter)
    {
        var clock = Stopwatch.StartNew();
        var due = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            due.Add(await limiter.ReserveAsync("number-a", $"r{i}") + clock.Elapsed);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300), $"reserving took {clock.Elapsed}: it waited for the places");
        Assert.True(due[0] < TimeSpan.FromMilliseconds(50), $"the first place was due after {due[0]}");
        Assert.All(due.Zip(due.Skip(1), (before, after) => (after - before).TotalMilliseconds), gap => Assert.InRange(gap, 50, 150));
    }
}
