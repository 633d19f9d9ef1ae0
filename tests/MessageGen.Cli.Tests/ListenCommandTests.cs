using System.Net;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen listen</c> receives real deliveries over loopback and prints one line per event.</summary>
public sealed class ListenCommandTests
{
    private const string Marker = "Listening for webhooks on ";

    [Fact]
    public async Task Prints_each_event_as_one_line_until_cancelled_then_exits_0()
    {
        var output = new SharedWriter();
        using var stop = new CancellationTokenSource();
        var running = MessageGenCommand.RunAsync(["listen", "--port", "0"], CliRun.Console(output, new SharedWriter()), stop.Token);
        var address = await WaitForAddressAsync(output, running);
        using var http = new HttpClient();

        var answers = new List<HttpStatusCode>();
        foreach (var payload in new[] { "status-failed-131053", "inbound-text", "inbound-image", "inbound-new-type", "errors-only" })
        {
            using var response = await http.PostAsync(new Uri(address, "any/path"), new ByteArrayContent(Payload(payload)));
            answers.Add(response.StatusCode);
        }

        await WaitForTextAsync(output, "error 131000");
        await stop.CancelAsync();

        Assert.Equal(0, await running);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var lines = output.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("status wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA failed to 16505551234 131053 Media upload error: Unsupported video codec: the video stream must be H.264 with AAC audio.", lines);
        Assert.Contains("message wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA= from 16315551181 (Kerry Fisher) text: Hallo, ist mein Video angekommen? 🎬", lines);
        Assert.Contains("message wamid.IMAGE from 16315551181 (Kerry Fisher) image: 1003383421387256 image/jpeg Look", lines);
        Assert.Contains("message wamid.NEW_TYPE from 16315551181 (Kerry Fisher) hologram", lines);
        Assert.Contains("error 131000 Something went wrong: Unknown error.", lines);
    }

    [Fact]
    public async Task With_a_header_a_delivery_without_it_is_refused_and_not_printed()
    {
        var output = new SharedWriter();
        using var stop = new CancellationTokenSource();
        var running = MessageGenCommand.RunAsync(["listen", "--port", "0", "--header", "X-Secret: listen-secret"], CliRun.Console(output, new SharedWriter()), stop.Token);
        var address = await WaitForAddressAsync(output, running);
        using var http = new HttpClient();

        using var refused = await http.PostAsync(address, new ByteArrayContent(Payload("status-read")));
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(Payload("status-read")) };
        request.Headers.Add("X-Secret", "listen-secret");
        using var accepted = await http.SendAsync(request);
        await WaitForTextAsync(output, " read to ");
        await stop.CancelAsync();

        Assert.Equal(0, await running);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(output.Text.Split('\n'), line => line.StartsWith("status ", StringComparison.Ordinal));
        Assert.DoesNotContain("listen-secret", output.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Secret")]
    [InlineData(": value")]
    [InlineData("X Secret: value")]
    public async Task A_malformed_header_exits_2_without_showing_it(string header)
    {
        var run = await CliRun.RunAsync(["listen", "--header", header]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--header must be \"Name: value\"", run.Error, StringComparison.Ordinal);
    }

    private static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks", name + ".json"));

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
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(running.IsCompleted, $"listen stopped early with exit code {(running.IsCompleted ? running.Result : -1)}");
            var text = output.Text;
            var start = text.IndexOf(Marker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(' ', start + Marker.Length);
            if (end > 0)
            {
                return new Uri(text[(start + Marker.Length)..end]);
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("listen did not report its address.");
    }
}
