namespace MessageGen.Media;

/// <summary>
/// The stable codes of <see cref="MediaProblem.Code"/>, one per rule. A file checked as a video gets the
/// <see cref="VideoProblemCodes"/>, which share <see cref="TooLarge"/>, <see cref="AudioCodec"/> and <see cref="Unreadable"/>.
/// </summary>
public static class MediaProblemCodes
{
    /// <summary>
    /// The file's format is not one the message type takes: a WebP or GIF as an image, a PNG as a sticker, MP2 as audio.
    /// Any file is a document, so documents never have this problem.
    /// </summary>
    public const string Format = "format";

    /// <summary>A sticker is not 512x512 pixels.</summary>
    public const string Dimensions = "dimensions";

    /// <summary>The audio inside an OGG or M4A file is not the codec WhatsApp plays there (Opus in OGG, AAC in M4A).</summary>
    public const string AudioCodec = VideoProblemCodes.AudioCodec;

    /// <summary>The file is larger than the message type takes (see <see cref="MediaFileReport.SizeLimit"/>).</summary>
    public const string TooLarge = VideoProblemCodes.TooLarge;

    /// <summary>
    /// The file is empty, its first bytes match no format the message type takes, or its header is damaged or cut off:
    /// the message says what is wrong and at which byte offset.
    /// </summary>
    public const string Unreadable = VideoProblemCodes.Unreadable;

    private static readonly IReadOnlyList<string> s_imageRules = Array.AsReadOnly([Format, TooLarge]);
    private static readonly IReadOnlyList<string> s_audioRules = Array.AsReadOnly([Format, AudioCodec, TooLarge]);
    private static readonly IReadOnlyList<string> s_documentRules = Array.AsReadOnly([Format, TooLarge]);
    private static readonly IReadOnlyList<string> s_stickerRules = Array.AsReadOnly([Format, Dimensions, TooLarge]);

    /// <summary>
    /// The rules a readable file is checked against as <paramref name="kind"/>, in the order they are reported:
    /// for a video, <see cref="VideoProblemCodes.Rules"/>.
    /// </summary>
    /// <param name="kind">The message type.</param>
    public static IReadOnlyList<string> RulesFor(MediaKind kind) => kind switch
    {
        MediaKind.Image => s_imageRules,
        MediaKind.Audio => s_audioRules,
        MediaKind.Document => s_documentRules,
        MediaKind.Sticker => s_stickerRules,
        MediaKind.Video => VideoProblemCodes.Rules,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a media kind."),
    };
}
