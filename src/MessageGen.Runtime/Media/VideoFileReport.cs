namespace MessageGen.Media;

/// <summary>
/// What <see cref="VideoFileInspector"/> found in a video file, and whether WhatsApp accepts it.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class VideoFileReport
{
    internal VideoFileReport(
        long size,
        VideoContainer container,
        string? majorBrand,
        IEnumerable<string> compatibleBrands,
        IEnumerable<MediaTrack> tracks,
        bool moovBeforeMdat,
        bool isFragmented,
        IEnumerable<VideoProblem> problems)
    {
        Size = size;
        Container = container;
        MajorBrand = majorBrand;
        CompatibleBrands = Array.AsReadOnly(compatibleBrands.ToArray());
        Tracks = Array.AsReadOnly(tracks.ToArray());
        MoovBeforeMdat = moovBeforeMdat;
        IsFragmented = isFragmented;
        Problems = Array.AsReadOnly(problems.ToArray());

        var video = Tracks.FirstOrDefault(t => t.Kind == MediaTrackKind.Video);
        VideoCodec = video?.Codec;
        H264Profile = video?.H264Profile;
        HasBFrames = Tracks.Any(t => t.Kind == MediaTrackKind.Video && t.HasBFrames);
        AudioCodecs = Array.AsReadOnly(
            Tracks.Where(t => t.Kind == MediaTrackKind.Audio).Select(t => t.Codec ?? "none").ToArray());
    }

    /// <summary>
    /// The size of the file in bytes (from the stream's position when inspection started to its end). For a pipe or
    /// device that gave more than <see cref="VideoFileInspector.MaxCompatibleFileSize"/>, the bytes read: one more than that.
    /// </summary>
    public long Size { get; }

    /// <summary>The container, from the <c>ftyp</c> brands.</summary>
    public VideoContainer Container { get; }

    /// <summary>The MIME type that matches <see cref="Container"/>, such as <c>video/mp4</c>.</summary>
    public string MimeType => Container.ToMimeType();

    /// <summary>The major brand from the <c>ftyp</c> box (such as <c>isom</c>, <c>3gp6</c> or <c>qt  </c>); <see langword="null"/> without one.</summary>
    public string? MajorBrand { get; }

    /// <summary>The compatible brands from the <c>ftyp</c> box.</summary>
    public IReadOnlyList<string> CompatibleBrands { get; }

    /// <summary>Every track in the <c>moov</c> box, in file order.</summary>
    public IReadOnlyList<MediaTrack> Tracks { get; }

    /// <summary>The codec of the first video track (see <see cref="MediaTrack.Codec"/>); <see langword="null"/> without video.</summary>
    public string? VideoCodec { get; }

    /// <summary>The H.264 profile of the first video track (see <see cref="MediaTrack.H264Profile"/>); <see langword="null"/> when it is not H.264 or has no <c>avcC</c>.</summary>
    public string? H264Profile { get; }

    /// <summary>Whether any video track stores frames out of display order (B-frames).</summary>
    public bool HasBFrames { get; }

    /// <summary>The codec of each audio track, in file order.</summary>
    public IReadOnlyList<string> AudioCodecs { get; }

    /// <summary>How many audio tracks the file has.</summary>
    public int AudioTrackCount => AudioCodecs.Count;

    /// <summary>
    /// Whether the <c>moov</c> box comes before the first <c>mdat</c> box (or there is no <c>mdat</c>), so that the
    /// file can play while it downloads.
    /// </summary>
    public bool MoovBeforeMdat { get; }

    /// <summary>Whether the file is fragmented (has <c>moof</c> boxes).</summary>
    public bool IsFragmented { get; }

    /// <summary>Whether WhatsApp accepts the file: <see langword="true"/> exactly when <see cref="Problems"/> is empty.</summary>
    public bool IsCompatible => Problems.Count == 0;

    /// <summary>Every rule the file breaks, each with a stable code and a fix hint; empty when compatible.</summary>
    public IReadOnlyList<VideoProblem> Problems { get; }

    /// <summary>
    /// Throws <see cref="IncompatibleVideoException"/>, listing every problem, unless the file is compatible;
    /// for code that must refuse a file before uploading it.
    /// </summary>
    /// <exception cref="IncompatibleVideoException"><see cref="IsCompatible"/> is <see langword="false"/>.</exception>
    public void ThrowIfIncompatible()
    {
        if (!IsCompatible)
        {
            throw new IncompatibleVideoException(this);
        }
    }
}
