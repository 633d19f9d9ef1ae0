namespace MessageGen.Media;

/// <summary>The facts about one track (<c>trak</c> box) of a video file.</summary>
public sealed class MediaTrack
{
    internal MediaTrack(uint trackId, string handlerType, string? sampleEntryType, string? codec, string? h264Profile, bool hasBFrames)
    {
        TrackId = trackId;
        HandlerType = handlerType;
        SampleEntryType = sampleEntryType;
        Codec = codec;
        H264Profile = h264Profile;
        HasBFrames = hasBFrames;
    }

    /// <summary>The track ID from the <c>tkhd</c> box.</summary>
    public uint TrackId { get; }

    /// <summary>The four-character handler type from the <c>hdlr</c> box, such as <c>vide</c> or <c>soun</c>.</summary>
    public string HandlerType { get; }

    /// <summary>Whether this is a video, audio or other track.</summary>
    public MediaTrackKind Kind => KindOf(HandlerType);

    /// <summary>
    /// The four-character type of the first sample entry in <c>stsd</c>, such as <c>avc1</c>, <c>mp4a</c> or <c>Opus</c>
    /// (for encrypted tracks, the original format from <c>frma</c>); <see langword="null"/> when the track has none.
    /// </summary>
    public string? SampleEntryType { get; }

    /// <summary>
    /// The codec, named as ffprobe names it: <c>h264</c>, <c>hevc</c>, <c>vp9</c>, <c>av1</c>, <c>h263</c>, <c>aac</c>,
    /// <c>mp3</c>, <c>opus</c>, <c>amr</c>, ...; the sample entry type for codecs this inspector does not know;
    /// <see langword="null"/> when the track has no sample entry.
    /// </summary>
    public string? Codec { get; }

    /// <summary>
    /// The H.264 profile from the <c>avcC</c> box (<c>baseline</c>, constrained or not, <c>main</c>, <c>extended</c>,
    /// <c>high</c>, <c>high10</c>, <c>high422</c>, <c>high444</c>, ...); <see langword="null"/> for other codecs, and for
    /// H.264 without an <c>avcC</c> box (which the compatibility check reports as an unknown profile).
    /// </summary>
    public string? H264Profile { get; }

    /// <summary>
    /// Whether frames are stored out of display order (B-frames): the composition offsets in <c>ctts</c>
    /// (or, in a fragmented file, in the <c>trun</c> boxes of the first four <c>moof</c> boxes after <c>moov</c>, each of
    /// at most 1 MiB) are not all equal.
    /// </summary>
    public bool HasBFrames { get; }

    internal static MediaTrackKind KindOf(string handlerType) => handlerType switch
    {
        "vide" => MediaTrackKind.Video,
        "soun" => MediaTrackKind.Audio,
        _ => MediaTrackKind.Other,
    };
}
