using System.Net;
using System.Net.Sockets;
using MessageGen.Sandbox;

namespace MessageGen.Cli.Tests;

public sealed class SandboxCommandTests
{
    [Fact]
    public async Task Serves_the_api_until_cancelled_then_exits_0()
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        using var stop = new CancellationTokenSource();
        var running = MessageGenCommand.RunAsync(["sandbox", "--port", "0", "--api-key", "cli-test-key"], CliRun.Console(output, error), stop.Token);

        var address = await WaitForAddressAsync(output, running);
        var send = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--base-url", address.ToString(), "--api-key", "cli-test-key"]);
        await stop.CancelAsync();

        Assert.Equal(0, send.ExitCode);
        Assert.StartsWith("wamid.", send.Output, StringComparison.Ordinal);
        Assert.Equal(0, await running);
        Assert.Contains("D360-API-KEY: cli-test-key", output.Text, StringComparison.Ordinal);
        Assert.Contains("POST /messages", output.Text, StringComparison.Ordinal);
        Assert.Contains("-> 200", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_nobody_reads_holds_up_no_request_and_the_lost_lines_are_counted()
    {
        var output = new SharedWriter();
        using var stuck = new StuckWriter(output);
        using var stop = new CancellationTokenSource();
        var running = MessageGenCommand.RunAsync(["sandbox", "--port", "0", "--api-key", "cli-test-key"], CliRun.Console(stuck, new SharedWriter()), stop.Token);
        var address = await WaitForAddressAsync(output, running);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("D360-API-KEY", "cli-test-key");

        // From here on, every write to the output waits, as on a full pipe nobody reads.
        stuck.Block();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2000; i++)
        {
            using var body = new StringContent(
                """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"video","video":{"id":"1"}}""",
                System.Text.Encoding.UTF8,
                "application/json");
            using var response = await http.PostAsync(new Uri(address, "messages"), body);
            statuses.Add(response.StatusCode);
        }

        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(20));
        stuck.Unblock();

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(0, exitCode);

        // Once unblocked, the output gets every line it had room for, then the count of the rest (the stop line among them).
        await WaitForTextAsync(output, "lines dropped");
        var lines = output.Text.Split('\n', StringSplitOptions.TrimEntries);
        var printed = lines.Count(line => line.StartsWith("POST /messages", StringComparison.Ordinal) || line == "Sandbox stopped.");
        var dropped = lines.Where(line => line.EndsWith("the output was not read fast enough)", StringComparison.Ordinal))
            .Sum(line => int.Parse(line[1..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(dropped > 0);
        Assert.Equal(statuses.Count + 1, printed + dropped);
    }

    [Fact]
    public async Task A_port_in_use_exits_1()
    {
        await using var busy = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(["sandbox", "--port", busy.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"127.0.0.1:{busy.BaseAddress.Port}", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("70000")]
    [InlineData("eighty")]
    public async Task A_bad_port_exits_2(string port)
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", port]);

        Assert.Equal(2, run.ExitCode);
    }

    /// <summary>Writes through to <c>inner</c> until blocked; then every write waits until unblocked.</summary>
    private sealed class StuckWriter(TextWriter inner) : TextWriter
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);

        public override System.Text.Encoding Encoding => inner.Encoding;

        public void Block() => _open.Reset();

        public void Unblock() => _open.Set();

        public override void Write(char value)
        {
            _open.Wait();
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            _open.Wait();
            inner.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush() => _open.Wait();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _open.Set();
                _open.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static async Task WaitForTextAsync(SharedWriter output, string text)
    {
        for (var i = 0; i < 500 && !output.Text.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }

        Assert.Contains(text, output.Text, StringComparison.Ordinal);
    }

    private static async Task<Uri> WaitForAddressAsync(SharedWriter output, Task<int> running)
    {
        const string marker = "Sandbox listening on ";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(running.IsCompleted, $"the sandbox stopped early with exit code {(running.IsCompleted ? running.Result : -1)}");
            var text = output.Text;
            var start = text.IndexOf(marker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('\n', start);
            if (end > 0)
            {
                return new Uri(text[(start + marker.Length)..end].Trim());
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The sandbox did not report its address.");
    }
}
