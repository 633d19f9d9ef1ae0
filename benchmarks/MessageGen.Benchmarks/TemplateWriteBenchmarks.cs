using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using MessageGen.WhatsApp;

namespace MessageGen.Benchmarks;

/// <summary>
/// Writing a template message generated from a templates file (a video header, two body parameters and a dynamic URL
/// button): the generated <c>WriteTo</c> vs System.Text.Json source generation writing the same bytes into the same buffer.
/// </summary>
[MemoryDiagnoser]
public class TemplateWriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private IWhatsAppMessage _message = null!;
    private StjTemplateMessage _stjMessage = null!;
    private StjTemplateContext _context = null!;
    private Utf8JsonWriter _stjWriter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _message = OrderShippedTemplate.Builder()
            .WithTo("4915112345678")
            .WithLanguage("de_DE")
            .WithHeaderVideo(v => v.WithLink("https://cdn.example.com/videos/verpackt-A-1042.mp4"))
            .WithBody("Anna Müller", "A-1042")
            .WithButton0("A-1042")
            .Build();
        _context = new StjTemplateContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        });
        _stjMessage = JsonSerializer.Deserialize(_message.ToJson(), _context.StjTemplateMessage)!;
        _stjWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

        // The comparison is only fair if both write the same bytes.
        Generated();
        var generated = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        SystemTextJsonSourceGen();
        var stj = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        if (generated != stj)
        {
            throw new InvalidOperationException($"Outputs differ:\n{generated}\n{stj}");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public int SystemTextJsonSourceGen()
    {
        _buffer.ResetWrittenCount();
        _stjWriter.Reset(_buffer);
        JsonSerializer.Serialize(_stjWriter, _stjMessage, _context.StjTemplateMessage);
        _stjWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "MessageGen WriteTo")]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        _message.WriteTo(_buffer);
        return _buffer.WrittenCount;
    }
}
