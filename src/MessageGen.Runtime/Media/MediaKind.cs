namespace MessageGen.Media;

/// <summary>The WhatsApp message types that carry a file, each with its own rules for the file.</summary>
public enum MediaKind
{
    /// <summary>An image message: JPEG or PNG, at most <see cref="MediaFileInspector.MaxImageSize"/>.</summary>
    Image,

    /// <summary>
    /// An audio message: AAC, AMR, MP3, M4A (AAC) or OGG with Opus, at most <see cref="MediaFileInspector.MaxAudioSize"/>.
    /// </summary>
    Audio,

    /// <summary>A document message: any file, at most <see cref="MediaFileInspector.MaxDocumentSize"/>.</summary>
    Document,

    /// <summary>
    /// A sticker message: WebP, 512x512 pixels, at most <see cref="MediaFileInspector.MaxStaticStickerSize"/> (static) or
    /// <see cref="MediaFileInspector.MaxAnimatedStickerSize"/> (animated).
    /// </summary>
    Sticker,

    /// <summary>A video message: the rules of <see cref="VideoFileInspector"/>.</summary>
    Video,
}

/// <summary>Names of <see cref="MediaKind"/> values.</summary>
public static class MediaKindExtensions
{
    /// <summary>
    /// The name used by <c>messagegen inspect</c> (<c>--as</c> and the JSON <c>kind</c>), which is also the message
    /// <c>type</c> of the API: <c>image</c>, <c>audio</c>, <c>document</c>, <c>sticker</c> or <c>video</c>.
    /// </summary>
    /// <param name="kind">The kind.</param>
    public static string ToShortName(this MediaKind kind) => kind switch
    {
        MediaKind.Image => "image",
        MediaKind.Audio => "audio",
        MediaKind.Document => "document",
        MediaKind.Sticker => "sticker",
        MediaKind.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a media kind."),
    };
}
