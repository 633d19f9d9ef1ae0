namespace MessageGen.Media;

/// <summary>The stable codes of <see cref="MediaProblem.Code"/> of a <see cref="VideoProblem"/>, one per WhatsApp video rule.</summary>
public static class VideoProblemCodes
{
    /// <summary>The container is not MP4 or 3GP.</summary>
    public const string Container = "container";

    /// <summary>The file is larger than <see cref="VideoFileInspector.MaxCompatibleFileSize"/>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The video is not H.264, or there is no video track.</summary>
    public const string VideoCodec = "video-codec";

    /// <summary>The H.264 profile is neither Baseline nor Main.</summary>
    public const string H264Profile = "h264-profile";

    /// <summary>The video has B-frames (frames stored out of display order).</summary>
    public const string BFrames = "b-frames";

    /// <summary>An audio track is not AAC.</summary>
    public const string AudioCodec = "audio-codec";

    /// <summary>There is more than one audio track.</summary>
    public const string AudioTracks = "audio-tracks";

    /// <summary>The <c>moov</c> box comes after the <c>mdat</c> box, so the file cannot play while it downloads.</summary>
    public const string MoovAfterMdat = "moov-after-mdat";

    /// <summary>The file is not a well-formed MP4/3GP/MOV file: the message says what is wrong and at which byte offset.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Every rule a readable file is checked against, in the order they are reported.</summary>
    public static IReadOnlyList<string> Rules { get; } = Array.AsReadOnly(
    [
        Container, TooLarge, VideoCodec, H264Profile, BFrames, AudioCodec, AudioTracks, MoovAfterMdat,
    ]);
}
