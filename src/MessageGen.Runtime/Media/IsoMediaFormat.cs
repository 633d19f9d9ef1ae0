namespace MessageGen.Media;

/// <summary>
/// What an MP4, 3GP or MOV file is, from the video inspector's report: audio (M4A, <c>audio/mp4</c>) when its tracks
/// are audio only, in an MP4 container or under an iTunes audio brand; otherwise a video, damaged or not.
/// </summary>
internal static class IsoMediaFormat
{
    private static readonly HashSet<string> s_audioBrands = new(StringComparer.Ordinal) { "M4A ", "M4B " };

    public static MediaFormat From(VideoFileReport report)
    {
        var readable = report.Problems.All(p => p.Code != VideoProblemCodes.Unreadable);
        var audioOnly = report.AudioTrackCount > 0 && report.Tracks.All(t => t.Kind != MediaTrackKind.Video);
        var audioContainer = report.Container == VideoContainer.Mp4
            || (report.MajorBrand is { } major && s_audioBrands.Contains(major))
            || report.CompatibleBrands.Any(s_audioBrands.Contains);
        if (readable && audioOnly && audioContainer)
        {
            return MediaFormat.M4a with { AudioCodecs = report.AudioCodecs, Video = report };
        }

        var container = report.Container;
        var name = container == VideoContainer.Unknown ? "isobmff" : container.ToShortName();
        return new MediaFormat(name, report.MimeType, MediaKind.Video, $"{Article(container)} video") { AudioCodecs = report.AudioCodecs, Video = report };
    }

    private static string Article(VideoContainer container) => container switch
    {
        VideoContainer.Mp4 => "an MP4",
        VideoContainer.ThreeGpp => "a 3GP",
        VideoContainer.QuickTime => "a QuickTime (MOV)",
        _ => "an MP4-family",
    };
}
