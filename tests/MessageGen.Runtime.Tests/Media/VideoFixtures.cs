namespace MessageGen.Runtime.Tests.Media;

/// <summary>The committed fixtures (tests/fixtures/video) and what ffmpeg encoded into each, as ffprobe reports it.</summary>
internal static class VideoFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "video");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    public static IEnumerable<string> AllNames => s_facts.Select(f => f.Name);

    /// <summary>One row per fixture; see tests/fixtures/video/README.md for the command and the ffprobe output.</summary>
    public static IReadOnlyList<EncodedFacts> Facts => s_facts;

    private static readonly EncodedFacts[] s_facts =
    [
        new("baseline.mp4", "mp4", "video/mp4", "h264", "baseline", false, ["aac"], true, false),
        new("main.mp4", "mp4", "video/mp4", "h264", "main", false, ["aac"], true, false),
        new("main.3gp", "3gp", "video/3gpp", "h264", "main", false, ["aac"], true, false),
        new("no-audio.mp4", "mp4", "video/mp4", "h264", "main", false, [], true, false),
        new("fragmented.mp4", "mp4", "video/mp4", "h264", "main", false, ["aac"], true, true),
        new("high.mp4", "mp4", "video/mp4", "h264", "high", false, ["aac"], true, false, "h264-profile"),
        new("b-frames.mp4", "mp4", "video/mp4", "h264", "main", true, ["aac"], true, false, "b-frames"),
        new("fragmented-b-frames.mp4", "mp4", "video/mp4", "h264", "main", true, ["aac"], true, true, "b-frames"),
        new("moov-at-end.mp4", "mp4", "video/mp4", "h264", "main", false, ["aac"], false, false, "moov-after-mdat"),
        new("two-audio-tracks.mp4", "mp4", "video/mp4", "h264", "main", false, ["aac", "aac"], true, false, "audio-tracks"),
        new("mp3-audio.mp4", "mp4", "video/mp4", "h264", "main", false, ["mp3"], true, false, "audio-codec"),
        new("opus-audio.mp4", "mp4", "video/mp4", "h264", "main", false, ["opus"], true, false, "audio-codec"),
        new("hevc.mp4", "mp4", "video/mp4", "hevc", null, true, ["aac"], true, false, "video-codec", "b-frames"),
        new("vp9.mp4", "mp4", "video/mp4", "vp9", null, false, ["aac"], true, false, "video-codec"),
        new("av1.mp4", "mp4", "video/mp4", "av1", null, false, ["aac"], true, false, "video-codec"),
        new("h263.3gp", "3gp", "video/3gpp", "h263", null, false, ["aac"], true, false, "video-codec"),
        new("quicktime.mov", "mov", "video/quicktime", "h264", "main", false, ["aac"], true, false, "container"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllNames)
        {
            data.Add(name);
        }

        return data;
    }
}

internal sealed record EncodedFacts(
    string Name,
    string Container,
    string Mime,
    string VideoCodec,
    string? H264Profile,
    bool HasBFrames,
    string[] AudioCodecs,
    bool MoovBeforeMdat,
    bool IsFragmented,
    params string[] ProblemCodes);
