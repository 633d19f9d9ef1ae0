using System.Diagnostics;

namespace MessageGen.Redis.Tests;

/// <summary>What both limiters' <see cref="ISendRateLimiter.ReserveAsync"/> must do.</summary>
internal static class Reservations
{
    /// <summary>
    /// At 4 a second with no burst, four reservations return at once, each place due 250 ms after the one before (all within
    /// the second a place is reserved ahead): the caller, not the limiter, waits them out, which would take 750 ms.
    /// </summary>
    public static async Task AssertReservedAheadWithoutWaitingAsync(ISendRateLimiter limiter)
    {
        // Another number's place first, so that a cold start (a script loaded, code compiled) is not timed below.
        await limiter.ReserveAsync("number-b", "r");
        var clock = Stopwatch.StartNew();
        var due = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            due.Add(await limiter.ReserveAsync("number-a", $"r{i}") + clock.Elapsed);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"reserving took {clock.Elapsed}: it waited for the places");
        Assert.True(due[0] < TimeSpan.FromMilliseconds(125), $"the first place was due after {due[0]}");
        Assert.All(due.Zip(due.Skip(1), (before, after) => (after - before).TotalMilliseconds), gap => Assert.InRange(gap, 125, 375));
    }
}
