namespace MessageGen.Media;

/// <summary>What a track carries, from the handler type in its <c>hdlr</c> box.</summary>
public enum MediaTrackKind
{
    /// <summary>Anything other than video or audio: subtitles, timecodes, hint tracks, metadata.</summary>
    Other,

    /// <summary>A video track (handler <c>vide</c>).</summary>
    Video,

    /// <summary>An audio track (handler <c>soun</c>).</summary>
    Audio,
}
