namespace MessageGen.Media;

/// <summary>What the parser has learned about one track so far.</summary>
internal sealed class TrackFacts
{
    public uint TrackId { get; set; }

    public string HandlerType { get; set; } = "";

    public string? SampleEntryType { get; set; }

    public string? Codec { get; set; }

    public string? H264Profile { get; set; }

    public bool HasBFrames { get; set; }

    public bool IsVideo => MediaTrack.KindOf(HandlerType) == MediaTrackKind.Video;

    public bool IsAudio => MediaTrack.KindOf(HandlerType) == MediaTrackKind.Audio;

    public MediaTrack ToTrack() => new(TrackId, HandlerType, SampleEntryType, Codec, H264Profile, HasBFrames);
}
