using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MessageGen.Webhooks;

namespace MessageGen.Benchmarks;

/// <summary>Reading a status notification (tests/fixtures/webhooks/status-sent.json): generated FromJson vs System.Text.Json source generation.</summary>
[MemoryDiagnoser]
public class WebhookReadingBenchmarks
{
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks", "status-sent.json"));

        // The comparison is only fair if both read the same values.
        var stj = JsonSerializer.Deserialize(_json, StjWebhookContext.Default.StjNotification)!.Entry![0].Changes![0].Value!.Statuses![0];
        var generated = WebhookNotification.FromJson(_json).Entry[0].Changes[0].Value.Statuses![0];
        if (stj.Id != generated.Id || stj.Conversation!.Origin!.Type != generated.Conversation!.Origin!.Type || stj.Pricing!.Category != generated.Pricing!.Category)
        {
            throw new InvalidOperationException("The two readers read different values.");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen Deserialize")]
    public object? SystemTextJsonSourceGen() => JsonSerializer.Deserialize(_json, StjWebhookContext.Default.StjNotification);

    [Benchmark(Description = "MessageGen WebhookNotification.FromJson")]
    public object Generated() => WebhookNotification.FromJson(_json);
}
