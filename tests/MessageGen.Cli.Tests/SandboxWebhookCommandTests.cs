using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen sandbox --webhook-url URL --webhook-header "Name: value"</c>: deliveries from the start, one line per attempt, no secret shown.</summary>
public sealed partial class SandboxWebhookCommandTests
{
    private const string Secret = "cli-webhook-secret-93f1";

    [Fact]
    public async Task Delivers_the_statuses_of_a_sent_message_with_the_header_and_prints_each_attempt_but_never_the_secret()
    {
        await using var receiver = await StartReceiverAsync();
        var output = new SharedWriter();
        var error = new SharedWriter();
        using var stop = new CancellationTokenSource();
        var running = MessageGenCommand.RunAsync(
            ["sandbox", "--api-key", "cli-test-key", "--webhook-url", receiver.Url.ToString(), "--webhook-header", $"X-Secret: {Secret}", "--webhook-header", "X-Team:blue"],
            CliRun.Console(output, error),
            stop.Token);
        var address = (await WaitForLineAsync(output, running, ListeningLine())).Groups[1].Value;

        var send = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--base-url", address, "--api-key", "cli-test-key"]);
        await WaitForLineAsync(output, running, new Regex(@"^webhook read wamid\.\S+ -> .* \(attempt 1\) -> 200$", RegexOptions.Multiline));
        await stop.CancelAsync();

        Assert.Equal(0, send.ExitCode);
        Assert.Equal(0, await running);
        Assert.Equal(["sent", "delivered", "read"], receiver.Deliveries.Select(d => d.Status));
        Assert.All(receiver.Deliveries, d => Assert.Equal((Secret, "blue"), (d.Secret, d.Team)));
        Assert.Contains($"Webhook: {receiver.Url} (headers: X-Secret, X-Team)", output.Text, StringComparison.Ordinal);
        Assert.Contains($"webhook sent {send.Output.Trim()} -> {receiver.Url} (attempt 1) -> 200", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output.Text + error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--webhook-url", "https://receiver.invalid/hook" }, "loopback addresses only")]
    [InlineData(new[] { "--webhook-url", "not a url" }, "absolute http or https URL")]
    [InlineData(new[] { "--webhook-url" }, "--webhook-url needs a value")]
    [InlineData(new[] { "--webhook-header", "X-Secret: " + Secret }, "--webhook-header needs --webhook-url")]
    [InlineData(new[] { "--webhook-url", "http://127.0.0.1:5000/hook", "--webhook-header", Secret }, "must be \"Name: value\"")]
    [InlineData(new[] { "--webhook-url", "http://127.0.0.1:5000/hook", "--webhook-header", "X-Secret: a", "--webhook-header", "x-secret: b" }, "names 'x-secret' twice")]
    public async Task A_webhook_it_cannot_deliver_to_is_a_usage_error_that_shows_no_header_value(string[] webhookArgs, string reason)
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", "0", .. webhookArgs]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Sandbox listening on (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ListeningLine();

    /// <summary>The first match of <paramref name="line"/> in the output, once it is printed; fails when the sandbox stops or 20 s pass first.</summary>
    private static async Task<Match> WaitForLineAsync(SharedWriter output, Task<int> running, Regex line)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            Assert.False(running.IsCompleted, "The sandbox stopped early.");
            if (line.Match(output.Text.Replace("\r", "", StringComparison.Ordinal)) is { Success: true } match)
            {
                return match;
            }
        }

        throw new TimeoutException($"No line matching {line} was printed; the output was: {output.Text}");
    }

    private static async Task<Receiver> StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var deliveries = new ConcurrentQueue<Delivery>();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var status = body.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("statuses")[0].GetProperty("status").GetString()!;
            deliveries.Enqueue(new Delivery(status, request.Headers["X-Secret"].ToString(), request.Headers["X-Team"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Receiver(app, new Uri(new Uri(address), "/hook"), deliveries);
    }

    private sealed record Delivery(string Status, string Secret, string Team);

    private sealed record Receiver(WebApplication App, Uri Url, ConcurrentQueue<Delivery> Deliveries) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
