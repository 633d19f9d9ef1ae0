namespace MessageGen.Media;

/// <summary>Maps sample entry types, <c>esds</c> object types and <c>avcC</c> profiles to ffprobe-style names.</summary>
internal static class CodecNames
{
    private static readonly Dictionary<string, string> s_bySampleEntry = new(StringComparer.Ordinal)
    {
        ["avc1"] = "h264", ["avc2"] = "h264", ["avc3"] = "h264", ["avc4"] = "h264", ["dvav"] = "h264", ["dva1"] = "h264",
        ["hvc1"] = "hevc", ["hev1"] = "hevc", ["dvh1"] = "hevc", ["dvhe"] = "hevc",
        ["vvc1"] = "vvc", ["vvi1"] = "vvc",
        ["vp08"] = "vp8", ["vp09"] = "vp9", ["av01"] = "av1",
        ["s263"] = "h263", ["h263"] = "h263", ["H263"] = "h263",
        ["mp4v"] = "mpeg4", ["jpeg"] = "mjpeg", ["mjpa"] = "mjpeg", ["mjpb"] = "mjpeg",
        ["apch"] = "prores", ["apcn"] = "prores", ["apcs"] = "prores", ["apco"] = "prores", ["ap4h"] = "prores", ["ap4x"] = "prores",
        ["mp4a"] = "aac", ["Opus"] = "opus", ["fLaC"] = "flac", ["alac"] = "alac",
        ["samr"] = "amr", ["sawb"] = "amr-wb", ["sqcp"] = "qcelp",
        ["ac-3"] = "ac3", ["ec-3"] = "eac3", ["ac-4"] = "ac4", ["dtsc"] = "dts",
        [".mp3"] = "mp3", ["ms\0U"] = "mp3",
        ["sowt"] = "pcm", ["twos"] = "pcm", ["lpcm"] = "pcm", ["ipcm"] = "pcm", ["fpcm"] = "pcm", ["raw "] = "pcm",
        ["in24"] = "pcm", ["in32"] = "pcm", ["fl32"] = "pcm", ["fl64"] = "pcm", ["ulaw"] = "pcm", ["alaw"] = "pcm",
    };

    /// <summary>The codec for a sample entry type; the type itself (trimmed) when unknown.</summary>
    public static string FromSampleEntry(string sampleEntryType) =>
        s_bySampleEntry.TryGetValue(sampleEntryType, out var codec) ? codec : sampleEntryType.TrimEnd(' ', '\0');

    /// <summary>
    /// The codec for an MPEG-4 <c>objectTypeIndication</c> (ISO/IEC 14496-1 and the MP4 registration authority),
    /// or <see langword="null"/> when unknown.
    /// </summary>
    public static string? FromObjectType(byte objectType) => objectType switch
    {
        0x20 => "mpeg4",
        0x21 => "h264",
        0x23 => "hevc",
        >= 0x60 and <= 0x65 => "mpeg2video",
        0x6A => "mpeg1video",
        0x6C => "mjpeg",
        0x40 or 0x66 or 0x67 or 0x68 => "aac",
        0x69 or 0x6B => "mp3", // MPEG-1/2 audio; ffmpeg also stores MP2 this way and tells them apart only by decoding
        0xA5 => "ac3",
        0xA6 => "eac3",
        0xA9 => "dts",
        0xAD => "opus",
        0xDD => "vorbis",
        0xE1 => "qcelp",
        _ => null,
    };

    /// <summary>The H.264 profile name for an <c>avcC</c> <c>AVCProfileIndication</c> (ITU-T H.264 Annex A).</summary>
    public static string H264Profile(byte profileIdc) => profileIdc switch
    {
        66 => "baseline",
        77 => "main",
        88 => "extended",
        100 => "high",
        110 => "high10",
        122 => "high422",
        244 => "high444",
        44 => "cavlc444",
        83 => "scalable-baseline",
        86 => "scalable-high",
        118 => "multiview-high",
        128 => "stereo-high",
        _ => $"profile-{profileIdc}",
    };
}
