using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MessageGen.WhatsApp;

namespace MessageGen.Benchmarks;

/// <summary>
/// Writing the same video message: the generated writer vs System.Text.Json source generation (relaxed encoder,
/// so both write non-ASCII as UTF-8) vs Newtonsoft.Json. Each writes into a reused buffer where it can.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private VideoMessage _message = null!;
    private StjVideoMessage _stjMessage = null!;
    private StjContext _context = null!;
    private Utf8JsonWriter _stjWriter = null!;
    private Newtonsoft.Json.JsonSerializer _newtonsoft = null!;
    private StringWriter _newtonsoftText = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Non-ASCII but within the BMP: System.Text.Json escapes supplementary characters (emoji) even with the
        // relaxed encoder, and the outputs must be identical for a fair comparison.
        const string caption = "Unser neues Video — schön, oder? Ça va très bien.";
        _message = VideoMessage.Builder()
            .WithTo("+4915112345678")
            .WithVideo(v => v.WithLink("https://cdn.example.com/videos/clip-2026.mp4").WithCaption(caption))
            .Build();
        _stjMessage = new StjVideoMessage
        {
            To = "+4915112345678",
            Video = new StjVideoMedia { Link = "https://cdn.example.com/videos/clip-2026.mp4", Caption = caption },
        };
        _context = new StjContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        _stjWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        _newtonsoft = Newtonsoft.Json.JsonSerializer.CreateDefault();
        _newtonsoftText = new StringWriter(new StringBuilder(1024));

        // The comparison is only fair if all three write the same bytes.
        Generated();
        var generated = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        SystemTextJsonSourceGen();
        var stj = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        NewtonsoftJson();
        var newtonsoft = _newtonsoftText.ToString();
        if (generated != stj || generated != newtonsoft)
        {
            throw new InvalidOperationException($"Outputs differ:\n{generated}\n{stj}\n{newtonsoft}");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen, Utf8JsonWriter")]
    public int SystemTextJsonSourceGen()
    {
        _buffer.ResetWrittenCount();
        _stjWriter.Reset(_buffer);
        JsonSerializer.Serialize(_stjWriter, _stjMessage, _context.StjVideoMessage);
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

    [Benchmark(Description = "Newtonsoft.Json, reused StringWriter")]
    public int NewtonsoftJson()
    {
        _newtonsoftText.GetStringBuilder().Clear();
        _newtonsoft.Serialize(_newtonsoftText, _stjMessage);
        return _newtonsoftText.GetStringBuilder().Length;
    }
}
