using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Load test of the webhook endpoint over real HTTP on loopback: status notifications (one status each, as 360dialog
// delivers them; three per message: sent, delivered, read) at a fixed rate, with some redelivered, then as fast as
// they can go. Reports throughput, answer times, and events lost or handled twice.
//   dotnet run -c Release --project benchmarks/MessageGen.Webhooks.Load -- [--rate 3000] [--seconds 10] [--duplicates 0.02]
var rate = Argument("--rate", 3000);
var seconds = Argument("--seconds", 10);
var duplicateShare = Argument("--duplicates", 0.02);
const string Secret = "load-test-secret";

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
builder.Logging.ClearProviders();
builder.Services.AddWhatsAppWebhooks(o => (o.HeaderName, o.HeaderValue) = ("X-Secret", Secret));
await using var app = builder.Build();
var handled = new ConcurrentDictionary<string, int>();
app.MapWhatsAppWebhook("/webhooks", (e, _) =>
{
    var status = (MessageStatusEvent)e;
    handled.AddOrUpdate(status.MessageId + " " + status.Status, 1, (_, count) => count + 1);
    return Task.CompletedTask;
});
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/webhooks");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
http.DefaultRequestHeaders.Add("X-Secret", Secret);

Console.WriteLine($"Webhook endpoint load test: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
var paced = await RunAsync("paced", rate, seconds, duplicateShare, firstMessage: 0);
handled.Clear();
var flat = await RunAsync("as fast as possible", rate: 0, seconds, duplicateShare, firstMessage: 10_000_000);
Console.WriteLine();
Console.WriteLine("| Run | Events sent | Events/s | p50 answer | p99 answer | max answer | Non-200 | Lost | Handled twice |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(paced);
Console.WriteLine(flat);
await app.StopAsync();

async Task<string> RunAsync(string name, int rate, int seconds, double duplicates, int firstMessage)
{
    // The events: three statuses per message, in order; some sent a second time (redeliveries).
    var events = new List<(int Message, string Status)>();
    var total = rate > 0 ? rate * seconds : 30_000;
    for (var i = 0; events.Count < total; i++)
    {
        foreach (var status in new[] { "sent", "delivered", "read" })
        {
            events.Add((firstMessage + i, status));
        }
    }

    var random = new Random(42);
    var redeliveries = events.Where(_ => random.NextDouble() < duplicates).ToList();
    var all = events.Concat(redeliveries).ToArray();
    var latencies = new double[all.Length];
    var failures = 0;
    var started = Stopwatch.GetTimestamp();
    var concurrency = new SemaphoreSlim(256);
    var tasks = new List<Task>(all.Length);
    for (var i = 0; i < all.Length; i++)
    {
        if (rate > 0)
        {
            // Open loop: each event leaves at its time, whatever the answers before it took.
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
        }

        await concurrency.WaitAsync();
        var index = i;
        tasks.Add(Task.Run(async () =>
        {
            try
            {
                var sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(Notification(all[index].Message, all[index].Status));
                using var response = await http.PostAsync(address, content);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            finally
            {
                concurrency.Release();
            }
        }));
    }

    await Task.WhenAll(tasks);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Array.Sort(latencies);
    var lost = events.Count(e => !handled.ContainsKey("wamid.LOAD" + e.Message + " " + e.Status));
    var twice = handled.Values.Count(count => count > 1);
    string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
    return $"| {name} | {all.Length:N0} ({redeliveries.Count:N0} redelivered) | {(all.Length / elapsed).ToString("N0", CultureInfo.InvariantCulture)} | {Ms(latencies[latencies.Length / 2])} | {Ms(latencies[(int)(latencies.Length * 0.99)])} | {Ms(latencies[^1])} | {failures} | {lost} | {twice} |";
}

static byte[] Notification(int message, string status) => Encoding.UTF8.GetBytes(
    $$$"""{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.LOAD{{{message}}}","status":"{{{status}}}","timestamp":"1750263773","recipient_id":"4915112345678","conversation":{"id":"c1","expiration_timestamp":"1750349820","origin":{"type":"service"}},"pricing":{"billable":true,"pricing_model":"PMP","category":"service"}}]},"field":"messages"}]}]}""");

T Argument<T>(string name, T fallback) where T : IParsable<T>
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? T.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
