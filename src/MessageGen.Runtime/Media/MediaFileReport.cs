namespace MessageGen.Media;

/// <summary>
/// What <see cref="MediaFileInspector"/> found in a file, and whether WhatsApp takes it as the message type it was
/// checked against. Immutable and safe to share between threads.
/// </summary>
public sealed class MediaFileReport
{
    internal MediaFileReport(MediaKind kind, MediaFormat format, long size, long sizeLimit, IEnumerable<MediaProblem> problems)
    {
        Kind = kind;
        DetectedKind = format.Kind;
        Format = format.Name;
        MimeType = format.MimeType;
        Size = size;
        SizeLimit = sizeLimit;
        Width = format.Width;
        Height = format.Height;
        Animated = format.Animated;
        AudioCodecs = Array.AsReadOnly(format.AudioCodecs.ToArray());
        Video = format.Video;
        Problems = Array.AsReadOnly(problems.ToArray());
    }

    /// <summary>
    /// The message type whose rules the file was checked against: the one asked for, or else <see cref="DetectedKind"/>,
    /// or <see cref="MediaKind.Video"/> for bytes no format claims (so that a damaged video is reported as one).
    /// </summary>
    public MediaKind Kind { get; }

    /// <summary>
    /// The message type the file's own bytes say it is (never its name): <see cref="MediaKind.Sticker"/> for WebP,
    /// <see cref="MediaKind.Audio"/> for an MP4 file with audio only, <see cref="MediaKind.Document"/> for PDF and ZIP-based
    /// files; <see langword="null"/> when its bytes match no format the inspector knows.
    /// </summary>
    public MediaKind? DetectedKind { get; }

    /// <summary>
    /// The format found: <c>jpeg</c>, <c>png</c>, <c>gif</c>, <c>webp</c>, <c>aac</c>, <c>amr</c>, <c>amr-wb</c>, <c>mp3</c>,
    /// <c>mp2</c>, <c>m4a</c>, <c>ogg</c>, <c>pdf</c>, <c>zip</c>, <c>docx</c>, <c>xlsx</c>, <c>pptx</c>, <c>opendocument</c>,
    /// <c>epub</c>, <c>mp4</c>, <c>3gp</c>, <c>mov</c>, <c>isobmff</c> (another MP4-family brand) or <c>unknown</c>.
    /// </summary>
    public string Format { get; }

    /// <summary>
    /// The MIME type to upload the file with, from its bytes: <c>image/jpeg</c>, <c>image/png</c>, <c>image/webp</c>,
    /// <c>audio/aac</c>, <c>audio/amr</c>, <c>audio/mpeg</c>, <c>audio/mp4</c>, <c>audio/ogg</c>, <c>video/mp4</c>,
    /// <c>video/3gpp</c>, a document's type when known (<c>application/pdf</c>, ...), else <c>application/octet-stream</c>.
    /// </summary>
    public string MimeType { get; }

    /// <summary>
    /// The size of the file in bytes (from the stream's position when inspection started to its end). For a pipe or
    /// device that gave more than the size limit of the kind checked, the bytes read: one more than that limit.
    /// </summary>
    public long Size { get; }

    /// <summary>The largest file <see cref="Kind"/> takes; for a sticker, that of a static or an animated one.</summary>
    public long SizeLimit { get; }

    /// <summary>The width in pixels of an image or sticker (a WebP's canvas); <see langword="null"/> for other formats or a damaged header.</summary>
    public int? Width { get; }

    /// <summary>The height in pixels of an image or sticker; <see langword="null"/> for other formats or a damaged header.</summary>
    public int? Height { get; }

    /// <summary>Whether a WebP is animated; <see langword="null"/> for other formats or a damaged header.</summary>
    public bool? Animated { get; }

    /// <summary>The audio codecs inside, as ffprobe names them (<c>aac</c>, <c>mp3</c>, <c>opus</c>, <c>vorbis</c>, ...); empty for images and documents.</summary>
    public IReadOnlyList<string> AudioCodecs { get; }

    /// <summary>The video inspector's full report, for MP4, 3GP and MOV files (M4A too) and whatever was checked as a video.</summary>
    public VideoFileReport? Video { get; }

    /// <summary>Whether WhatsApp takes the file as <see cref="Kind"/>: <see langword="true"/> exactly when <see cref="Problems"/> is empty.</summary>
    public bool IsCompatible => Problems.Count == 0;

    /// <summary>Every rule of <see cref="Kind"/> the file breaks, each with a stable code and a fix hint; empty when compatible.</summary>
    public IReadOnlyList<MediaProblem> Problems { get; }

    /// <summary>
    /// Throws <see cref="IncompatibleMediaException"/>, listing every problem, unless the file is compatible; for code that
    /// must refuse a file before uploading it.
    /// </summary>
    /// <exception cref="IncompatibleMediaException"><see cref="IsCompatible"/> is <see langword="false"/>.</exception>
    public void ThrowIfIncompatible()
    {
        if (!IsCompatible)
        {
            throw new IncompatibleMediaException(this);
        }
    }
}
