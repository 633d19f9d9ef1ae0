using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MessageGen.Media;

namespace MessageGen.Cli;

/// <summary>
/// <c>messagegen inspect FILE [--json]</c>: checks a video file against WhatsApp's rules without decoding it.
/// FILE may be a pipe or device (<c>&lt;(cat clip.mp4)</c>, <c>/dev/stdin</c>), read up to 16 MiB.
/// Exit codes: 0 compatible, 1 not compatible, unreadable or cancelled, 2 bad usage (no file, a file that does not
/// exist, a broken symbolic link, a directory).
/// </summary>
internal static class InspectCommand
{
    private const string Usage = "Usage: messagegen inspect FILE [--json]";

    /// <summary>Builds the <c>inspect</c> command.</summary>
    public static Command Create()
    {
        // A missing FILE or a stray argument is a parse error, which MessageGenCommand turns into exit code 2.
        var file = new Argument<string>("FILE")
        {
            Description = "The video file to check (.mp4, .3gp, .mov, ...). A pipe such as <(cat clip.mp4) or /dev/stdin is "
                + "read up to 16 MiB; a FIFO that no process is writing to reads as empty.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object instead of the human report.",
        };
        var command = new Command(
            "inspect",
            "Check a video file against WhatsApp's rules (codec, profile, B-frames, audio, box order, size) without decoding it. "
            + "Exit codes: 0 compatible, 1 not compatible or unreadable, 2 bad usage (a missing file, a broken link, a directory).")
        {
            file,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return FailUsage(error, $"'{path}' is a directory, not a file.");
        }

        VideoFileReport report;
        try
        {
            // Cancellation (Ctrl+C) matters for pipes, whose writer may keep us waiting.
            report = await VideoFileInspector.InspectAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException e)
        {
            return FailUsage(error, $"file not found: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"messagegen inspect: cannot read '{path}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"messagegen inspect: cancelled while reading '{path}'.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (json)
        {
            WriteJson(output, path, report);
        }
        else
        {
            WriteHumanReport(output, path, report);
        }

        return report.IsCompatible ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int FailUsage(TextWriter error, string message)
    {
        error.WriteLine($"messagegen inspect: {message}");
        error.WriteLine(Usage);
        return ExitCodes.Usage;
    }

    private static void WriteHumanReport(TextWriter output, string path, VideoFileReport report)
    {
        var unreadable = report.Problems.Any(p => p.Code == VideoProblemCodes.Unreadable);
        var verdict = report.IsCompatible ? "compatible with WhatsApp" : unreadable ? "unreadable" : "NOT compatible with WhatsApp";
        output.WriteLine($"{path}: {verdict}");

        var rules = unreadable
            ? report.Problems.Select(p => p.Code).Distinct()
            : VideoProblemCodes.Rules;
        foreach (var rule in rules)
        {
            var failures = report.Problems.Where(p => p.Code == rule).ToList();
            if (failures.Count == 0)
            {
                output.WriteLine($"  pass  {rule,-16} {PassedFact(rule, report)}");
            }

            foreach (var failure in failures)
            {
                output.WriteLine($"  FAIL  {rule,-16} {failure.Message}");
            }
        }

        // Most problems share one command that fixes them all; print each distinct command once.
        foreach (var hint in report.Problems.Select(p => p.FixHint).OfType<string>().Distinct())
        {
            output.WriteLine($"  fix:  {hint}");
        }
    }

    private static string PassedFact(string rule, VideoFileReport report) => rule switch
    {
        VideoProblemCodes.Container => $"{report.Container.ToShortName()} ({report.MimeType})",
        VideoProblemCodes.TooLarge => string.Create(CultureInfo.InvariantCulture,
            $"{report.Size:N0} bytes (at most {VideoFileInspector.MaxCompatibleFileSize:N0})"),
        VideoProblemCodes.VideoCodec => report.VideoCodec ?? "none",
        VideoProblemCodes.H264Profile => report.H264Profile ?? "n/a (not H.264)",
        VideoProblemCodes.BFrames => "no B-frames",
        VideoProblemCodes.AudioCodec => report.AudioCodecs.Count == 0 ? "no audio" : string.Join(", ", report.AudioCodecs),
        VideoProblemCodes.AudioTracks => report.AudioTrackCount.ToString(CultureInfo.InvariantCulture),
        VideoProblemCodes.MoovAfterMdat => report.IsFragmented ? "moov before mdat (fragmented)" : "moov before mdat",
        _ => "",
    };

    private static void WriteJson(TextWriter output, string path, VideoFileReport report)
    {
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
            json.WriteNumber("size", report.Size);
            json.WriteString("container", report.Container.ToShortName());
            json.WriteString("mime", report.MimeType);
            json.WriteString("videoCodec", report.VideoCodec);
            json.WriteString("h264Profile", report.H264Profile);
            json.WriteBoolean("hasBFrames", report.HasBFrames);
            json.WriteStartArray("audioCodecs");
            foreach (var codec in report.AudioCodecs)
            {
                json.WriteStringValue(codec);
            }

            json.WriteEndArray();
            json.WriteBoolean("moovBeforeMdat", report.MoovBeforeMdat);
            json.WriteBoolean("fragmented", report.IsFragmented);
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
}
