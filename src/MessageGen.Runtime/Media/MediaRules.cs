using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// WhatsApp's rules for images, audio, documents and stickers (video has <see cref="CompatibilityRules"/>): the
/// formats each message type takes, a sticker's size in pixels, the codec inside OGG and M4A, the size limits; and
/// how to fix each broken one.
/// </summary>
internal static class MediaRules
{
    /// <summary>ffmpeg's arguments for a 512x512 WebP sticker: scaled to fit, centred on a transparent canvas.</summary>
    private const string StickerFilter = "-vf scale=512:512:force_original_aspect_ratio=decrease,format=rgba,pad=512:512:-1:-1:color=black@0 -c:v libwebp";

    private static readonly Dictionary<MediaKind, string[]> s_acceptedFormats = new()
    {
        [MediaKind.Image] = ["jpeg", "png"],
        [MediaKind.Sticker] = ["webp"],
        [MediaKind.Audio] = ["aac", "amr", "amr-wb", "mp3", "m4a", "ogg"],
    };

    /// <summary>The largest file the message type takes; for a sticker, that depends on whether it is animated.</summary>
    public static long SizeLimit(MediaKind kind, bool animated) => kind switch
    {
        MediaKind.Image => MediaFileInspector.MaxImageSize,
        MediaKind.Audio => MediaFileInspector.MaxAudioSize,
        MediaKind.Document => MediaFileInspector.MaxDocumentSize,
        MediaKind.Sticker => animated ? MediaFileInspector.MaxAnimatedStickerSize : MediaFileInspector.MaxStaticStickerSize,
        _ => VideoFileInspector.MaxCompatibleFileSize,
    };

    /// <summary>Every rule of <paramref name="kind"/> (not a video) that the file breaks, in <see cref="MediaProblemCodes.RulesFor"/> order.</summary>
    public static List<MediaProblem> Evaluate(MediaKind kind, MediaFormat format, long size, StreamExtent extent, Func<string, FixCommandFiles> files)
    {
        var problems = new List<MediaProblem>();
        var tooLarge = TooLarge(kind, format, size, extent, files);
        if (Unreadable(kind, format, size, extent) is { } unreadable)
        {
            // Nothing else can be judged from a header that cannot be read.
            problems.Add(unreadable);
        }
        else
        {
            problems.AddRange(new[] { WrongFormat(kind, format, files), WrongDimensions(kind, format, files), WrongAudioCodec(kind, format, files) }.OfType<MediaProblem>());
        }

        if (tooLarge is not null)
        {
            problems.Add(tooLarge);
        }

        return problems;
    }

    private static bool Accepts(MediaKind kind, MediaFormat format) =>
        kind == MediaKind.Document || s_acceptedFormats[kind].Contains(format.Name);

    private static MediaProblem? Unreadable(MediaKind kind, MediaFormat format, long size, StreamExtent extent)
    {
        if (size == 0)
        {
            return new(MediaProblemCodes.Unreadable, extent == StreamExtent.EntirePipe
                ? "The file is empty: it is a pipe that gave no bytes, as a FIFO does when no process is writing to it."
                : "The file is empty: there is nothing to send.", null);
        }

        // A damaged header matters where the format would be taken; elsewhere the format alone is wrong.
        var expected = Expected(kind);
        return format.Damage is { } damage && kind != MediaKind.Document && (format.Kind is null || Accepts(kind, format))
            ? new(MediaProblemCodes.Unreadable,
                string.Create(CultureInfo.InvariantCulture, $"The file cannot be read as {expected}: at byte offset {damage.Offset}, {damage.Reason}."),
                $"If it opens in a viewer or player, save or export it again as {expected}.")
            : null;
    }

    private static MediaProblem? WrongFormat(MediaKind kind, MediaFormat format, Func<string, FixCommandFiles> files)
    {
        if (Accepts(kind, format))
        {
            return null;
        }

        var hint = (kind, format.Name) switch
        {
            (MediaKind.Image, "webp" or "gif") when format.Animated != true =>
                $"Convert it to PNG, e.g. ffmpeg -i {files(".png").Input} {files(".png").Output}",
            (MediaKind.Sticker, "jpeg" or "png" or "gif") => $"Make a sticker of it, e.g. ffmpeg -i {files(".webp").Input} {StickerFilter} {files(".webp").Output}",
            (MediaKind.Audio, _) when format.Kind is MediaKind.Audio or MediaKind.Video => AudioFix(files),
            _ when format.Kind is { } natural => $"Send it as {Article(natural)} message instead.",
            _ => null,
        };
        return new(MediaProblemCodes.Format, $"The file is {format.Description} ({format.MimeType}); {Rule(kind)}", hint);
    }

    private static MediaProblem? WrongDimensions(MediaKind kind, MediaFormat format, Func<string, FixCommandFiles> files)
    {
        const int side = MediaFileInspector.StickerDimension;
        if (kind != MediaKind.Sticker || !Accepts(kind, format) || (format.Width == side && format.Height == side))
        {
            return null;
        }

        return new(MediaProblemCodes.Dimensions,
            $"The sticker is {format.Width}x{format.Height} pixels; WhatsApp stickers are exactly {side}x{side}.",
            format.Animated == true
                ? $"Make the animation again at {side}x{side} pixels (e.g. with img2webp or gif2webp from frames of that size)."
                : $"Scale it to fit, e.g. ffmpeg -i {files(".webp").Input} {StickerFilter} {files(".webp").Output}");
    }

    private static MediaProblem? WrongAudioCodec(MediaKind kind, MediaFormat format, Func<string, FixCommandFiles> files)
    {
        var required = (kind, format.Name) switch
        {
            (MediaKind.Audio, "ogg") => "opus",
            (MediaKind.Audio, "m4a") => "aac",
            _ => null,
        };
        if (required is null || (format.AudioCodecs.Count > 0 && format.AudioCodecs.All(c => c == required)))
        {
            return null;
        }

        var found = format.AudioCodecs.Count == 0 ? "no audio" : string.Join(", ", format.AudioCodecs);
        return format.Name == "ogg"
            ? new(MediaProblemCodes.AudioCodec, $"The OGG file carries {found}; WhatsApp plays OGG only with Opus audio.", AudioFix(files))
            : new(MediaProblemCodes.AudioCodec, $"The M4A file's audio is {found}; WhatsApp plays M4A (audio/mp4) only with AAC.",
                $"Re-encode it, e.g. ffmpeg -i {files(".m4a").Input} -vn -c:a aac -b:a 96k {files(".m4a").Output}");
    }

    private static MediaProblem? TooLarge(MediaKind kind, MediaFormat format, long size, StreamExtent extent, Func<string, FixCommandFiles> files)
    {
        var animated = format.Animated == true;
        var limit = SizeLimit(kind, animated);
        if (size <= limit)
        {
            return null;
        }

        var (what, hint) = kind switch
        {
            MediaKind.Image => ("images", $"Save it as a JPEG of lower quality or fewer pixels, e.g. ffmpeg -i {files(".jpg").Input} -vf scale=1600:-2 -q:v 5 {files(".jpg").Output}"),
            MediaKind.Audio => ("audio files", "Lower the bitrate or cut it (-t SECONDS). " + AudioFix(files)),
            MediaKind.Sticker when animated => ("animated stickers", "Make it again with fewer frames or a lower quality (e.g. gif2webp -lossy -q 50 in.gif -o out.webp)."),
            MediaKind.Sticker => ("static stickers", $"Encode it at a lower quality, e.g. ffmpeg -i {files(".webp").Input} -c:v libwebp -q:v 50 {files(".webp").Output}"),
            _ => ("documents", "Compress or split it."),
        };
        return new(MediaProblemCodes.TooLarge, $"The file is {SizeText.Of(size, extent, limit)}; WhatsApp accepts {what} of at most {SizeText.Limit(limit)}.", hint);
    }

    private static string AudioFix(Func<string, FixCommandFiles> files) =>
        $"Re-encode it as OGG with Opus, e.g. ffmpeg -i {files(".ogg").Input} -vn -c:a libopus -b:a 32k {files(".ogg").Output}";

    /// <summary>What <paramref name="kind"/> takes, as the end of a sentence.</summary>
    private static string Rule(MediaKind kind) => kind switch
    {
        MediaKind.Image => "image messages take JPEG (image/jpeg) or PNG (image/png) only; WhatsApp sends WebP images as stickers.",
        MediaKind.Sticker => "stickers must be WebP (image/webp), 512x512 pixels.",
        _ => "audio messages take AAC, AMR, MP3, M4A (AAC) or OGG (Opus) only.",
    };

    /// <summary>The formats <paramref name="kind"/> (not a document) takes, for messages: "a JPEG or PNG image".</summary>
    private static string Expected(MediaKind kind) => kind switch
    {
        MediaKind.Image => "a JPEG or PNG image",
        MediaKind.Sticker => "a WebP image",
        _ => "an AAC, AMR, MP3, M4A or OGG (Opus) audio file",
    };

    private static string Article(MediaKind kind) => kind is MediaKind.Image or MediaKind.Audio ? $"an {kind.ToShortName()}" : $"a {kind.ToShortName()}";
}
