using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MessageGen.Redis.Tests;
using MessageGen.Sandbox;
using MessageGen.Testing;

// Sending at scale, measured: several `messagegen campaign run` worker processes share one PostgreSQL outbox and one
// Redis (the limits) and send a campaign to the sandbox, which enforces --mps as the API does. One worker is killed with
// SIGKILL mid-run (none with --kill-after 0). Checks: every message at most once (exactly once unless unknown), no 130429,
// the aggregate rate within 10% of the limit, and what the outbox adds per message.
//   dotnet run -c Release --project benchmarks/MessageGen.Outbox.Load -- [--messages 3000] [--mps 100] [--workers 3] [--kill-after 1000]
if (Environment.GetCommandLineArgs().Contains("--overhead"))
{
    return await OutboxOverheadRun.RunAsync(Argument("--messages", 3000), Argument("--concurrency", 1));
}

var messages = Argument("--messages", 3000);
var messagesPerSecond = Argument("--mps", 100);
var workerCount = Argument("--workers", 3);
var killAfter = Argument("--kill-after", messages / 3);

await using var postgres = await PostgresServer.StartAsync();
var store = await postgres.CreateDatabaseAsync();
await using var redis = await RedisServer.StartAsync();
await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MessagesPerSecond = messagesPerSecond, MaxRecorded = messages * 4 });

var directory = Directory.CreateTempSubdirectory("messagegen-outbox-load-");
var csv = Path.Combine(directory.FullName, "recipients.csv");
await File.WriteAllTextAsync(csv, "to\n" + string.Concat(Enumerable.Range(1, messages).Select(i => string.Create(CultureInfo.InvariantCulture, $"49151{i:D8}\n"))));
var body = Path.Combine(directory.FullName, "message.json");
await File.WriteAllTextAsync(body, """{"messaging_product":"whatsapp","recipient_type":"individual","to":"0","type":"text","text":{"body":"Your order shipped"}}""");

var cli = Path.Combine(AppContext.BaseDirectory, "messagegen.dll");
var workers = Enumerable.Range(1, workerCount).Select(i => Worker.Start(cli, i,
[
    "campaign", "run", "--recipients", csv, "--store", store, "--message", body,
    "--redis", redis.Configuration, "--mps", messagesPerSecond.ToString(CultureInfo.InvariantCulture),
    "--base-url", sandbox.BaseAddress.ToString(), "--api-key", sandbox.ApiKey,
])).ToArray();

// Kill the second worker with SIGKILL once the campaign is a third of the way through: no chance to clean up.
var victim = killAfter > 0 ? workers[Math.Min(1, workers.Length - 1)] : null;
var killedAt = 0;
if (victim is not null)
{
    while (sandbox.Messages.Count < killAfter && !victim.Process.HasExited)
    {
        await Task.Delay(10);
    }

    victim.Process.Kill();
    killedAt = sandbox.Messages.Count;
    Console.WriteLine($"SIGKILL worker {victim.Number} after {killedAt} accepted messages.");
}
foreach (var worker in workers)
{
    await worker.Process.WaitForExitAsync();
}

var accepted = sandbox.Messages.OrderBy(m => m.ReceivedAt).ToArray();
var perRecipient = accepted.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
var duplicates = perRecipient.Count(pair => pair.Value > 1);
var throttled = sandbox.Requests.Count(r => r.StatusCode == 429);
var status = await Worker.RunAsync(cli, ["campaign", "status", "--store", store]);
var unknown = Count(status, "unknown");
var acceptedRows = Count(status, "accepted");

// The rate over the campaign's body: the messages a killed worker stranded go out after its lease ends (30 s), a tail
// that waits on the lease, not on sending.
var body95 = accepted[..(int)(accepted.Length * 0.95)];
var rate = (body95.Length - 1) / (body95[^1].ReceivedAt - body95[0].ReceivedAt).TotalSeconds;
var overheads = workers.Select(w => Regex.Match(w.Error.ToString(), @"median [0-9.]+ ms, p99 ([0-9.]+) ms \((\d+) messages\); in the first second of each stretch of sending: .*\)")).Where(m => m.Success).ToArray();

Console.WriteLine($"""
    workers: {workerCount} ({(victim is null ? "none killed" : $"worker {victim.Number} killed with SIGKILL after {killedAt}")}); exit codes {string.Join(", ", workers.Select(w => w.Process.ExitCode))}
    messages: {messages}; sandbox accepted {accepted.Length} ({perRecipient.Count} recipients, {duplicates} sent more than once)
    outbox: accepted {acceptedRows}, unknown {unknown}; accepted + unknown = {acceptedRows + unknown}
    130429 answers: {throttled}
    aggregate rate (first 95%): {rate:0.0}/s against --mps {messagesPerSecond} ({rate / messagesPerSecond - 1:+0.0%;-0.0%})
    outbox overhead per worker (after / in the first second of each stretch of sending): {string.Join(" | ", overheads.Select(m => m.Value))}
    """);
var ok = duplicates == 0 && throttled == 0 && acceptedRows + unknown == messages && unknown <= 8
    && Math.Abs(rate / messagesPerSecond - 1) <= 0.10
    && overheads.Length > 0 && overheads.All(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < 2);
Console.WriteLine(ok ? "PASS" : "FAIL");
directory.Delete(recursive: true);
return ok ? 0 : 1;

static long Count(string status, string state) =>
    long.Parse(Regex.Match(status, $"^{state} (\\d+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

static int Argument(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>One <c>messagegen</c> process, its output kept.</summary>
internal sealed class Worker(int number, Process process)
{
    public int Number => number;

    public Process Process => process;

    public StringBuilder Error { get; } = new();

    public static Worker Start(string cli, int number, string[] args)
    {
        var process = Process.Start(StartInfo(cli, args)) ?? throw new InvalidOperationException("messagegen did not start.");
        var worker = new Worker(number, process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (worker.Error)
            {
                worker.Error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public static async Task<string> RunAsync(string cli, string[] args)
    {
        using var process = Process.Start(StartInfo(cli, args)) ?? throw new InvalidOperationException("messagegen did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static ProcessStartInfo StartInfo(string cli, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
