using System.Globalization;
using MessageGen.Media;

namespace MessageGen.Cli;

/// <summary>The human report of <c>messagegen inspect</c>: the verdict, one pass or FAIL line per rule, the fix commands.</summary>
internal static class InspectTextReport
{
    public static void Write(TextWriter output, string path, MediaFileReport report, bool kindWasAsked)
    {
        var unreadable = report.Problems.Any(p => p.Code == MediaProblemCodes.Unreadable);
        var verdict = report.IsCompatible ? "compatible with WhatsApp" : unreadable ? "unreadable" : "NOT compatible with WhatsApp";
        output.WriteLine($"{path}: {verdict} as {WithArticle(report.Kind)}");

        var rules = unreadable
            ? report.Problems.Select(p => p.Code).Distinct()
            : MediaProblemCodes.RulesFor(report.Kind);
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

        if (report.DetectedKind is null && !kindWasAsked)
        {
            output.WriteLine("  note: its bytes match no image, audio, sticker or document format, so it was checked as a video; "
                + "to send it as a document, inspect it with --as document.");
        }
    }

    private static string WithArticle(MediaKind kind) => kind switch
    {
        MediaKind.Audio => "audio",
        MediaKind.Image => "an image",
        _ => $"a {kind.ToShortName()}",
    };

    private static string PassedFact(string rule, MediaFileReport report) => report.Video is { } video && report.Kind == MediaKind.Video
        ? PassedVideoFact(rule, video)
        : rule switch
        {
            MediaProblemCodes.Format => FormatFact(report),
            MediaProblemCodes.Dimensions => $"{report.Width}x{report.Height}",
            MediaProblemCodes.AudioCodec => report.AudioCodecs.Count == 0 ? "n/a" : string.Join(", ", report.AudioCodecs),
            MediaProblemCodes.TooLarge => string.Create(CultureInfo.InvariantCulture, $"{report.Size:N0} bytes (at most {report.SizeLimit:N0})"),
            _ => "",
        };

    private static string FormatFact(MediaFileReport report)
    {
        var fact = $"{report.Format} ({report.MimeType})";
        if (report.Width is { } width && report.Height is { } height)
        {
            fact += $", {width}x{height}";
        }

        return report.Animated switch
        {
            true => fact + ", animated",
            false => fact + ", static",
            null => fact,
        };
    }

    private static string PassedVideoFact(string rule, VideoFileReport report) => rule switch
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
}
