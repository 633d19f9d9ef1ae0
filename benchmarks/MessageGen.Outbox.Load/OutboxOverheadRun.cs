using MessageGen;
using MessageGen.Outbox;
using MessageGen.Sandbox;
using MessageGen.Testing;

/// <summary>
/// The outbox's own cost per message, in one process (sender, sandbox and client in it; the database beside): one sender drains a
/// PostgreSQL outbox and then a SQLite one as fast as the sandbox answers (no rate limit, so nothing to overlap the
/// "sending" write with: each POST waits for it), and reports what the outbox added per message.
///   dotnet run -c Release --project benchmarks/MessageGen.Outbox.Load -- --overhead [--messages 3000] [--concurrency 1]
/// </summary>
internal static class OutboxOverheadRun
{
    public static async Task<int> RunAsync(int messages, int concurrency)
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MaxRecorded = messages * 2 });
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = sandbox.ApiKey, BaseAddress = sandbox.BaseAddress });
        var sqlite = Path.Combine(Path.GetTempPath(), $"messagegen-overhead-{Guid.NewGuid():N}.db");
        var ok = true;
        foreach (var (name, store) in new[] { ("PostgreSQL", await postgres.CreateDatabaseAsync()), ("SQLite", sqlite) })
        {
            await using var outbox = MessageOutbox.Open(store);
            await outbox.EnqueueManyAsync(Enumerable.Range(1, messages).Select(i => new OutboxMessage($"o:{i}", new TextBody($"49151{i:D8}"))));
            var sender = new OutboxSender(outbox, client, new OutboxSenderOptions { Concurrency = concurrency, BatchSize = Math.Max(16, concurrency * 2) });
            await sender.DrainAsync();
            var (overhead, starting) = (sender.Overhead, sender.StartingOverhead);
            Console.WriteLine($"{name}, concurrency {concurrency}: {overhead.Count} messages outside the first second, median {overhead.Median.TotalMilliseconds:0.00} ms, p99 {overhead.P99.TotalMilliseconds:0.00} ms, max {overhead.Max.TotalMilliseconds:0.00} ms; {starting.Count} in it, p99 {starting.P99.TotalMilliseconds:0.00} ms");
            ok &= overhead.Count + starting.Count == messages && overhead.P99 < TimeSpan.FromMilliseconds(2);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(sqlite);
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    /// <summary>A text message body; the outbox stores and sends its bytes.</summary>
    private sealed class TextBody(string to) : IWhatsAppMessage
    {
        public IReadOnlyList<ValidationError> Validate() => [];

        public void WriteTo(System.Buffers.IBufferWriter<byte> writer) => System.Buffers.BuffersExtensions.Write(writer, System.Text.Encoding.UTF8.GetBytes(ToJson()));

        public string ToJson() => $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"text","text":{"body":"Your order shipped"}}""";
    }
}
