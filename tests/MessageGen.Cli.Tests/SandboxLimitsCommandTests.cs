using System.Net;
using System.Text;
using System.Text.Json;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen sandbox --mps N --pair-limit</c>: the API's limits, printed at start and answered as the API does.</summary>
public sealed class SandboxLimitsCommandTests
{
    private const string Key = "cli-limits-key";

    [Fact]
    public async Task Mps_holds_the_throughput_limit_and_the_startup_prints_it()
    {
        await using var run = await RunningSandbox.StartAsync("--mps", "1");

        // One message a second: of four more sent at once, all but one a second is over it (however slow the machine).
        var first = await run.PostAsync("+15550001234");
        var more = new List<(HttpStatusCode Status, int? Code)>();
        for (var i = 0; i < 4; i++)
        {
            more.Add(await run.PostAsync($"+1555000567{i}"));
        }

        Assert.Contains("Limits: 1 message/s (130429 above)\n", run.Output.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains((HttpStatusCode.TooManyRequests, (int?)130429), more);
        Assert.Contains("POST /messages (", run.Output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pair_limit_answers_131056_after_the_burst_to_one_recipient_and_the_startup_prints_it()
    {
        await using var run = await RunningSandbox.StartAsync("--pair-limit");

        var answers = new List<(HttpStatusCode Status, int? Code)>();
        for (var i = 0; i < 60; i++)
        {
            answers.Add(await run.PostAsync("+4915112345678"));
        }

        var other = await run.PostAsync("+4915199999999");

        Assert.Contains("Limits: pair limit 1 per 6 s after a burst of 45 (131056 above)\n", run.Output.Text, StringComparison.Ordinal);
        Assert.All(answers.Take(45), answer => Assert.Equal(HttpStatusCode.OK, answer.Status));

        // 60 quick messages take far less than the 90 s the last 15 would need.
        Assert.Contains((HttpStatusCode.BadRequest, (int?)131056), answers.Skip(45));
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Both_limits_are_printed_on_one_line_and_none_without_the_options()
    {
        await using (var both = await RunningSandbox.StartAsync("--mps", "80", "--pair-limit"))
        {
            Assert.Contains(
                "Limits: 80 messages/s (130429 above), pair limit 1 per 6 s after a burst of 45 (131056 above)\n", both.Output.Text, StringComparison.Ordinal);
        }

        await using var none = await RunningSandbox.StartAsync();
        Assert.Contains("Limits: off (--mps N and --pair-limit turn them on)\n", none.Output.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("five")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task An_mps_that_is_not_a_positive_whole_number_is_a_usage_error(string mps)
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--mps", mps]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--mps", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox listening", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mps_without_a_value_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--mps"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--mps", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pair_limit_is_a_flag_that_takes_no_number()
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--pair-limit", "6"]);

        Assert.Equal(2, run.ExitCode);
    }

    /// <summary>A <c>messagegen sandbox</c> running in-process until disposed, once it has printed its start lines.</summary>
    private sealed class RunningSandbox : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
        private Task<int> _running = Task.FromResult(0);
        private Uri _address = null!;

        public SharedWriter Output { get; } = new();

        public static async Task<RunningSandbox> StartAsync(params string[] options)
        {
            var sandbox = new RunningSandbox();
            sandbox._running = MessageGenCommand.RunAsync(
                ["sandbox", "--port", "0", "--api-key", Key, .. options], CliRun.Console(sandbox.Output, new SharedWriter()), sandbox._stop.Token);
            sandbox._address = await sandbox.WaitForStartAsync();
            sandbox._http.DefaultRequestHeaders.Add("D360-API-KEY", Key);
            return sandbox;
        }

        public async Task<(HttpStatusCode Status, int? Code)> PostAsync(string to)
        {
            using var body = new StringContent(
                $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"video","video":{"id":"1"}}""",
                Encoding.UTF8,
                "application/json");
            using var response = await _http.PostAsync(new Uri(_address, "messages"), body);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            int? code = json.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : null;
            return (response.StatusCode, code);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _running.WaitAsync(TimeSpan.FromSeconds(20)));
            _http.Dispose();
            _stop.Dispose();
        }

        /// <summary>Waits for the "Press Ctrl+C" line, the last of the start, and returns the address printed before it.</summary>
        private async Task<Uri> WaitForStartAsync()
        {
            const string marker = "Sandbox listening on ";
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_running.IsCompleted, $"the sandbox stopped early with exit code {(_running.IsCompleted ? _running.Result : -1)}");
                var text = Output.Text;
                if (text.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
                {
                    var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                    return new Uri(text[start..text.IndexOf('\n', start)].Trim());
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("The sandbox did not finish starting.");
        }
    }
}
