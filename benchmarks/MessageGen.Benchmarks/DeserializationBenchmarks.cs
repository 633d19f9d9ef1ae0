using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MessageGen.WhatsApp;

namespace MessageGen.Benchmarks;

/// <summary>Reading the same body: generated FromJson (which also validates the schema) vs System.Text.Json source generation.</summary>
[MemoryDiagnoser]
public class DeserializationBenchmarks
{
    private byte[] _json = null!;
    private StjContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = Encoding.UTF8.GetBytes(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"link":"https://cdn.example.com/videos/clip-2026.mp4","caption":"Unser neues Video — schön, oder? Ça va très bien."}}""");
        _context = new StjContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen Deserialize")]
    public object? SystemTextJsonSourceGen() => JsonSerializer.Deserialize(_json, _context.StjVideoMessage);

    [Benchmark(Description = "MessageGen FromJson (validating)")]
    public object Generated() => VideoMessage.FromJson(_json);
}
