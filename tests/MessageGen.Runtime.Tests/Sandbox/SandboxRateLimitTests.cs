using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>
/// The API's limits, held by the sandbox when asked: <see cref="SandboxOptions.MessagesPerSecond"/> (130429) and
/// <see cref="SandboxOptions.PairLimit"/> (131056). Time moves only when a test moves it.
/// </summary>
public sealed class SandboxRateLimitTests
{
    [Fact]
    public async Task With_5_per_second_5_messages_pass_in_one_instant_the_6th_is_answered_130429_and_a_fifth_of_a_second_later_one_more_passes()
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MessagesPerSecond = 5, TimeProvider = clock });
        using var http = SandboxHttp.Authorized(sandbox);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            first.Add((await PostAsync(http, sandbox, $"+1555000{i:D4}")).Status);
        }

        var sixth = await PostAsync(http, sandbox, "+15550009999");
        clock.Advance(TimeSpan.FromMilliseconds(199));
        var tooEarly = await PostAsync(http, sandbox, "+15550009999");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = await PostAsync(http, sandbox, "+15550009999");
        var again = await PostAsync(http, sandbox, "+15550009999");

        Assert.All(first, status => Assert.Equal(HttpStatusCode.OK, status));
        AssertThroughputLimit(sixth);
        AssertThroughputLimit(tooEarly);
        Assert.Equal(HttpStatusCode.OK, later.Status);
        AssertThroughputLimit(again);
        Assert.Equal(6, sandbox.Messages.Count);
        Assert.Equal([200, 200, 200, 200, 200, 429, 429, 200, 429], sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task With_the_pair_limit_a_message_after_the_burst_to_the_same_recipient_is_answered_131056_while_another_recipient_is_unaffected()
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            PairLimit = true, PairLimitBurst = 2, PairLimitPeriod = TimeSpan.FromSeconds(6), TimeProvider = clock,
        });
        using var http = SandboxHttp.Authorized(sandbox);

        var burst = new[] { await PostAsync(http, sandbox, "+4915112345678"), await PostAsync(http, sandbox, "+4915112345678") };

        // The same WhatsApp user with or without '+'.
        var overBurst = await PostAsync(http, sandbox, "4915112345678");
        var other = await PostAsync(http, sandbox, "+4915199999999");
        clock.Advance(TimeSpan.FromSeconds(5.9));
        var tooEarly = await PostAsync(http, sandbox, "+4915112345678");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var onePeriodLater = await PostAsync(http, sandbox, "+4915112345678");
        var rightAfter = await PostAsync(http, sandbox, "+4915112345678");

        Assert.All(burst, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        AssertPairLimit(overBurst);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        AssertPairLimit(tooEarly);
        Assert.Equal(HttpStatusCode.OK, onePeriodLater.Status);
        AssertPairLimit(rightAfter);
        Assert.Equal(4, sandbox.Messages.Count);
    }

    [Fact]
    public async Task The_pair_limit_lets_a_burst_of_45_through_by_default_and_refills_one_message_per_6_seconds()
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { PairLimit = true, TimeProvider = clock });
        using var http = SandboxHttp.Authorized(sandbox);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 46; i++)
        {
            statuses.Add((await PostAsync(http, sandbox, "+4915112345678")).Status);
        }

        clock.Advance(TimeSpan.FromSeconds(6));
        var afterOnePeriod = await PostAsync(http, sandbox, "+4915112345678");
        var thenAtOnce = await PostAsync(http, sandbox, "+4915112345678");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 45).Append(HttpStatusCode.BadRequest), statuses);
        Assert.Equal(HttpStatusCode.OK, afterOnePeriod.Status);
        AssertPairLimit(thenAtOnce);
    }

    [Fact]
    public async Task Bodies_the_sandbox_refuses_take_no_token_and_neither_does_a_message_one_limit_refuses()
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            MessagesPerSecond = 3, PairLimit = true, PairLimitBurst = 1, TimeProvider = clock,
        });
        using var http = SandboxHttp.Authorized(sandbox);

        var refused = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            // Breaks the schema (no 'video'), is not JSON, or is sent as text: each is a 400 with code 100 before any limit.
            refused.Add((await PostAsync(http, sandbox, """{"messaging_product":"whatsapp","to":"+4915112345678","type":"video"}""")).Status);
            refused.Add((await PostAsync(http, sandbox, "{not json")).Status);
            using var text = new StringContent(Body("+4915112345678"), System.Text.Encoding.UTF8, "text/plain");
            using var asText = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), text);
            refused.Add(asText.StatusCode);
        }

        var first = await PostAsync(http, sandbox, Body("+4915112345678"));
        var pairRefused = await PostAsync(http, sandbox, Body("+4915112345678"));
        var second = await PostAsync(http, sandbox, Body("+4915100000002"));
        var third = await PostAsync(http, sandbox, Body("+4915100000003"));
        var fourth = await PostAsync(http, sandbox, Body("+4915100000004"));

        Assert.All(refused, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        AssertPairLimit(pairRefused);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        AssertThroughputLimit(fourth);
    }

    [Fact]
    public async Task Without_options_there_is_no_limit_100_quick_messages_to_one_recipient_are_accepted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxHttp.Authorized(sandbox);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            statuses.Add((await PostAsync(http, sandbox, "+4915112345678")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(100, sandbox.Messages.Count);
    }

    [Fact]
    public async Task The_client_retries_130429_from_a_limited_sandbox_and_its_message_is_accepted()
    {
        // One clock for both: the client's retry waits move the sandbox's time, so nothing sleeps.
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MessagesPerSecond = 5, TimeProvider = clock });
        using var client = SandboxClient.Create(sandbox, time: clock);
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Messages.Video($"+1555000{i:D4}"));
        }

        var result = await client.SendAsync(Messages.Video("+15550009999"));

        Assert.StartsWith("wamid.", result.MessageId, StringComparison.Ordinal);
        Assert.Equal([200, 200, 200, 200, 200, 429, 429, 200], sandbox.Requests.Select(r => r.StatusCode));

        // 100 ms (half a token at 5/s) is not enough; the doubled wait, 200 ms more, is.
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], clock.Waits);
        Assert.Equal("+15550009999", sandbox.Messages[^1].To);
    }

    [Theory]
    [InlineData(2, long.MaxValue, new[] { 200, 200, 400 })]
    [InlineData(int.MaxValue, TimeSpan.TicksPerSecond, new[] { 200, 200, 200 })]
    public async Task The_longest_period_or_burst_overflows_nothing(int burst, long periodTicks, int[] expected)
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            PairLimit = true, PairLimitBurst = burst, PairLimitPeriod = TimeSpan.FromTicks(periodTicks), TimeProvider = clock,
        });
        using var http = SandboxHttp.Authorized(sandbox);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await PostAsync(http, sandbox, "+4915112345678")).Status);
            clock.Advance(TimeSpan.FromDays(365));
        }

        Assert.Equal(expected, statuses);
    }

    [Fact]
    public async Task Limits_that_make_no_sense_are_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(new SandboxOptions { MessagesPerSecond = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(new SandboxOptions { PairLimitBurst = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(new SandboxOptions { PairLimitPeriod = TimeSpan.Zero }));
    }

    private static void AssertThroughputLimit(Answer answer) =>
        AssertGraphError(answer, HttpStatusCode.TooManyRequests, WhatsAppErrorCodes.ThroughputLimit, "(#130429) Rate limit hit");

    private static void AssertPairLimit(Answer answer) => AssertGraphError(
        answer, HttpStatusCode.BadRequest, WhatsAppErrorCodes.PairRateLimit, "(#131056) (Business Account, Consumer Account) pair rate limit hit");

    private static void AssertGraphError(Answer answer, HttpStatusCode status, int code, string message)
    {
        Assert.Equal(status, answer.Status);
        using var json = JsonDocument.Parse(answer.Body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.Equal("whatsapp", error.GetProperty("error_data").GetProperty("messaging_product").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error_data").GetProperty("details").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
    }

    private static string Body(string to) =>
        $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"video","video":{"id":"1234"}}""";

    /// <summary>Posts <paramref name="toOrBody"/> (a whole body when it starts with '{', else the recipient of a valid video message).</summary>
    private static async Task<Answer> PostAsync(HttpClient http, SandboxServer sandbox, string toOrBody)
    {
        var body = toOrBody.StartsWith('{') ? toOrBody : Body(toOrBody);
        using var content = SandboxHttp.Json(body);
        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), content);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(HttpStatusCode Status, string Body);

    /// <summary>
    /// A clock that moves only when told: by <see cref="Advance"/>, or by a timer (a client's retry wait), which moves it by
    /// its due time and fires at once.
    /// </summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        public ConcurrentQueue<TimeSpan> Waits { get; } = new();

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new FiredTimer();
        }

        private sealed class FiredTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
