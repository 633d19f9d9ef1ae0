using System.Text.Encodings.Web;
using System.Text.Json;
using MessageGen.Media;

namespace MessageGen.Cli;

/// <summary>
/// The <c>--json</c> report of <c>messagegen inspect</c>: the video fields it has always had (for other kinds, what
/// applies: <c>container</c> is <c>unknown</c> outside the MP4 family) plus <c>kind</c>, <c>format</c>, and
/// <c>width</c>, <c>height</c> and <c>animated</c> where the format gives them.
/// </summary>
internal static class InspectJsonReport
{
    public static void Write(TextWriter output, string path, MediaFileReport report)
    {
        var video = report.Video;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Terminal output, not HTML: keep quotes and + readable in messages and ffmpeg commands.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("kind", report.Kind.ToShortName());
            json.WriteNumber("size", report.Size);
            json.WriteString("format", report.Format);
            json.WriteString("container", (video?.Container ?? VideoContainer.Unknown).ToShortName());
            json.WriteString("mime", report.MimeType);
            WriteIfKnown(json, "width", report.Width);
            WriteIfKnown(json, "height", report.Height);
            if (report.Animated is { } animated)
            {
                json.WriteBoolean("animated", animated);
            }

            json.WriteString("videoCodec", video?.VideoCodec);
            json.WriteString("h264Profile", video?.H264Profile);
            json.WriteBoolean("hasBFrames", video?.HasBFrames ?? false);
            json.WriteStartArray("audioCodecs");
            foreach (var codec in report.AudioCodecs)
            {
                json.WriteStringValue(codec);
            }

            json.WriteEndArray();
            json.WriteBoolean("moovBeforeMdat", video?.MoovBeforeMdat ?? false);
            json.WriteBoolean("fragmented", video?.IsFragmented ?? false);
            json.WriteBoolean("compatible", report.IsCompatible);
            json.WriteStartArray("problems");
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("code", problem.Code);
                json.WriteString("message", problem.Message);
                if (problem.FixHint is not null)
                {
                    json.WriteString("hint", problem.FixHint);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteIfKnown(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } known)
        {
            json.WriteNumber(name, known);
        }
    }
}
