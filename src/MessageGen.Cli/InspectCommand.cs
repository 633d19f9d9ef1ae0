using System.CommandLine;
using MessageGen.Media;

namespace MessageGen.Cli;

/// <summary>
/// <c>messagegen inspect FILE [--as KIND] [--json]</c>: checks a file against WhatsApp's rules for the message type its
/// bytes say it is (or the one <c>--as</c> names) without decoding it. FILE may be a pipe or device
/// (<c>&lt;(cat clip.mp4)</c>, <c>/dev/stdin</c>), read up to the size limit of its kind.
/// Exit codes: 0 compatible, 1 not compatible, unreadable or cancelled, 2 bad usage (no file, a file that does not
/// exist, a broken symbolic link, a directory, an unknown <c>--as</c> kind).
/// </summary>
internal static class InspectCommand
{
    private const string Usage = "Usage: messagegen inspect FILE [--as image|audio|document|sticker|video] [--json]";

    private static readonly Dictionary<string, MediaKind> s_kinds =
        Enum.GetValues<MediaKind>().ToDictionary(kind => kind.ToShortName(), StringComparer.Ordinal);

    /// <summary>Builds the <c>inspect</c> command.</summary>
    public static Command Create()
    {
        // A missing FILE or a stray argument is a parse error, which MessageGenCommand turns into exit code 2.
        var file = new Argument<string>("FILE")
        {
            Description = "The file to check: an image, audio file, document, sticker or video, told apart by its bytes, not its name. "
                + "A pipe such as <(cat clip.mp4) or /dev/stdin is read up to the size limit of its kind; a FIFO that no process "
                + "is writing to reads as empty.",
        };
        var kind = new Option<string?>("--as")
        {
            Description = "Check the file against the rules of this message type instead of the one its bytes show. "
                + "Bytes that match no format are checked as a video unless this says otherwise; --as document takes any file.",
            HelpName = "image|audio|document|sticker|video",
        };
        kind.AcceptOnlyFromAmong([.. s_kinds.Keys]);
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object instead of the human report.",
        };
        var command = new Command(
            "inspect",
            "Check a file against WhatsApp's rules for its message type without decoding it: images (JPEG or PNG, 5 MiB), audio "
            + "(AAC, AMR, MP3, M4A, OGG with Opus; 16 MiB), documents (100 MiB), stickers (WebP, 512x512, 100 KiB static, 500 KiB "
            + "animated) and videos (codec, profile, B-frames, audio, box order, 16 MiB). "
            + "Exit codes: 0 compatible, 1 not compatible or unreadable, 2 bad usage (a missing file, a broken link, a directory, "
            + "an unknown --as kind).")
        {
            file,
            kind,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(kind) is { } name ? s_kinds[name] : null,
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string path, MediaKind? kind, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return FailUsage(error, $"'{path}' is a directory, not a file.");
        }

        MediaFileReport report;
        try
        {
            // Cancellation (Ctrl+C) matters for pipes, whose writer may keep us waiting.
            report = kind is { } asked
                ? await MediaFileInspector.InspectAsync(path, asked, cancellationToken).ConfigureAwait(false)
                : await MediaFileInspector.InspectAsync(path, cancellationToken).ConfigureAwait(false);
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
            InspectJsonReport.Write(output, path, report);
        }
        else
        {
            InspectTextReport.Write(output, path, report, kindWasAsked: kind is not null);
        }

        return report.IsCompatible ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int FailUsage(TextWriter error, string message)
    {
        error.WriteLine($"messagegen inspect: {message}");
        error.WriteLine(Usage);
        return ExitCodes.Usage;
    }
}
