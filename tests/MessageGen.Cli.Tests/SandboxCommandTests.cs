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
