namespace MessageGen.Media;

/// <summary>What a file's own bytes say it is, and the facts its header gives.</summary>
/// <param name="Name">The short name: <c>jpeg</c>, <c>png</c>, <c>webp</c>, <c>aac</c>, <c>mp3</c>, <c>ogg</c>, <c>pdf</c>, <c>mp4</c>, ...</param>
/// <param name="MimeType">The MIME type the API expects for it.</param>
/// <param name="Kind">The message type the format belongs to; <see langword="null"/> for bytes no format claims.</param>
/// <param name="Description">The format for messages, e.g. "a PNG image".</param>
internal sealed record MediaFormat(string Name, string MimeType, MediaKind? Kind, string Description)
{
    public static MediaFormat Unknown { get; } = new("unknown", "application/octet-stream", null, "not a format the inspector knows");

    public static MediaFormat Jpeg { get; } = new("jpeg", "image/jpeg", MediaKind.Image, "a JPEG image");

    public static MediaFormat Png { get; } = new("png", "image/png", MediaKind.Image, "a PNG image");

    public static MediaFormat Gif { get; } = new("gif", "image/gif", MediaKind.Image, "a GIF image");

    /// <summary>WhatsApp sends WebP images as stickers, so a WebP file is a sticker.</summary>
    public static MediaFormat WebP { get; } = new("webp", "image/webp", MediaKind.Sticker, "a WebP image");

    public static MediaFormat Aac { get; } = new("aac", "audio/aac", MediaKind.Audio, "AAC audio (ADTS)") { AudioCodecs = ["aac"] };

    public static MediaFormat Amr { get; } = new("amr", "audio/amr", MediaKind.Audio, "AMR audio") { AudioCodecs = ["amr"] };

    public static MediaFormat AmrWideband { get; } = new("amr-wb", "audio/amr", MediaKind.Audio, "AMR-WB audio") { AudioCodecs = ["amr-wb"] };

    public static MediaFormat Mp3 { get; } = new("mp3", "audio/mpeg", MediaKind.Audio, "MP3 audio") { AudioCodecs = ["mp3"] };

    public static MediaFormat Mp2 { get; } = new("mp2", "audio/mpeg", MediaKind.Audio, "MPEG audio Layer II (MP2)") { AudioCodecs = ["mp2"] };

    public static MediaFormat Mp1 { get; } = new("mp1", "audio/mpeg", MediaKind.Audio, "MPEG audio Layer I (MP1)") { AudioCodecs = ["mp1"] };

    public static MediaFormat M4a { get; } = new("m4a", "audio/mp4", MediaKind.Audio, "M4A audio (an MP4 file with audio only)");

    public static MediaFormat Ogg { get; } = new("ogg", "audio/ogg", MediaKind.Audio, "an OGG file");

    public static MediaFormat Pdf { get; } = new("pdf", "application/pdf", MediaKind.Document, "a PDF document");

    public static MediaFormat Zip { get; } = new("zip", "application/zip", MediaKind.Document, "a ZIP archive");

    /// <summary>Image width in pixels (a sticker's canvas), when the header gives it.</summary>
    public int? Width { get; init; }

    /// <summary>Image height in pixels, when the header gives it.</summary>
    public int? Height { get; init; }

    /// <summary>Whether a WebP is animated; <see langword="null"/> for other formats.</summary>
    public bool? Animated { get; init; }

    /// <summary>The audio codecs inside, named as ffprobe names them.</summary>
    public IReadOnlyList<string> AudioCodecs { get; init; } = [];

    /// <summary>What is wrong with a header whose signature matched: the format is known, the facts are not.</summary>
    public MalformedMediaException? Damage { get; init; }

    /// <summary>The video inspector's report, for MP4, 3GP and MOV files (and M4A, which are MP4 files).</summary>
    public VideoFileReport? Video { get; init; }

    /// <summary>The same format, found damaged at a byte offset.</summary>
    public MediaFormat Damaged(MalformedMediaException damage) => this with { Damage = damage };
}
