using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// WhatsApp's video rules (H.264 Baseline or Main without B-frames, at most one AAC audio track, MP4 or 3GP,
/// <c>moov</c> before <c>mdat</c>, at most 16 MiB) and the ffmpeg command that fixes each broken one.
/// </summary>
internal static class CompatibilityRules
{
    public static List<VideoProblem> Evaluate(FileScan scan, FixCommandFiles files)
    {
        var problems = new List<VideoProblem>();
        var tracks = scan.Tracks;
        var video = tracks.FirstOrDefault(t => t.IsVideo);
        var audio = tracks.Where(t => t.IsAudio).ToList();
        var container = scan.Container;

        var containerWrong = container is not (VideoContainer.Mp4 or VideoContainer.ThreeGpp);
        var videoCodecWrong = video?.Codec != "h264";
        var profileWrong = video is { Codec: "h264" } && video.H264Profile is not ("baseline" or "main");
        var hasBFrames = tracks.Any(t => t.IsVideo && t.HasBFrames);
        var badAudio = audio.Where(t => t.Codec != "aac").ToList();
        var tooManyAudioTracks = audio.Count > 1;
        var moovAfterMdat = !scan.MoovBeforeMdat;

        var reencodeVideo = videoCodecWrong || profileWrong || hasBFrames;
        var fix = FixCommand(files, reencodeVideo, reencodeAudio: badAudio.Count > 0, keepOneAudioTrack: tooManyAudioTracks);

        if (containerWrong)
        {
            var what = container == VideoContainer.QuickTime
                ? "The container is QuickTime (.mov, video/quicktime)"
                : $"The container is not one WhatsApp knows (ftyp major brand {Quote(scan.MajorBrand)})";
            problems.Add(new(VideoProblemCodes.Container, $"{what}; WhatsApp accepts only MP4 (video/mp4) and 3GP (video/3gpp).", fix));
        }

        if (TooLarge(scan, files) is { } tooLarge)
        {
            problems.Add(tooLarge);
        }

        if (videoCodecWrong)
        {
            var message = video is null
                ? "The file has no video track; WhatsApp video messages need H.264 video."
                : $"The video codec is {Describe(video)}; WhatsApp plays only H.264.";
            problems.Add(new(VideoProblemCodes.VideoCodec, message, video is null ? null : fix));
        }

        if (profileWrong)
        {
            problems.Add(new(VideoProblemCodes.H264Profile,
                $"The H.264 profile is {video!.H264Profile ?? "unknown (no 'avcC' box)"}; Android clients play only Baseline and Main.", fix));
        }

        if (hasBFrames)
        {
            problems.Add(new(VideoProblemCodes.BFrames,
                "The video has B-frames (frames stored out of display order); Android clients do not play them.", fix));
        }

        foreach (var track in badAudio)
        {
            problems.Add(new(VideoProblemCodes.AudioCodec,
                $"The audio codec of track {track.TrackId} is {Describe(track)}; WhatsApp accepts only AAC.", fix));
        }

        if (tooManyAudioTracks)
        {
            problems.Add(new(VideoProblemCodes.AudioTracks,
                $"The file has {audio.Count} audio tracks; WhatsApp accepts one or none.", fix));
        }

        if (moovAfterMdat)
        {
            problems.Add(new(VideoProblemCodes.MoovAfterMdat,
                "The 'moov' box (the index) comes after the media data ('mdat'), so the video cannot start playing until it is fully downloaded.", fix));
        }

        return problems;
    }

    public static List<VideoProblem> Unreadable(MalformedMediaException error, FileScan scan, FixCommandFiles files)
    {
        var problems = new List<VideoProblem>
        {
            new(VideoProblemCodes.Unreadable,
                $"The file is not a readable MP4, 3GP or MOV file: at byte offset {error.Offset.ToString(CultureInfo.InvariantCulture)}, {error.Reason}.",
                $"If the file plays in a media player, re-encode it: {FixCommand(files, reencodeVideo: true, reencodeAudio: true, keepOneAudioTrack: false)}"),
        };
        if (TooLarge(scan, files) is { } tooLarge)
        {
            problems.Add(tooLarge);
        }

        // Nothing else can be judged from a file whose structure is broken.
        return problems;
    }

    /// <summary>ffmpeg's arguments for H.264 Main without B-frames, in the pixel format every phone decodes.</summary>
    private const string ReencodeVideo = "-c:v libx264 -profile:v main -bf 0 -pix_fmt yuv420p";

    private static VideoProblem? TooLarge(FileScan scan, FixCommandFiles files)
    {
        const long limit = VideoFileInspector.MaxCompatibleFileSize;
        if (scan.Size <= limit)
        {
            return null;
        }

        return new(VideoProblemCodes.TooLarge,
            $"The file is {SizeText.Of(scan.Size, scan.Extent, limit)}; WhatsApp accepts at most {SizeText.Limit(limit)}.",
            "Lower the bitrate or the resolution, or cut the video (-t SECONDS), e.g. "
            + $"ffmpeg -i {files.Input} {ReencodeVideo} -crf 28 -vf scale=-2:480 -c:a aac -b:a 96k -movflags +faststart {files.Output}");
    }

    private static string FixCommand(FixCommandFiles files, bool reencodeVideo, bool reencodeAudio, bool keepOneAudioTrack)
    {
        var map = keepOneAudioTrack ? " -map 0:v:0 -map 0:a:0" : "";
        var codecs = (reencodeVideo, reencodeAudio) switch
        {
            (false, false) => "-c copy",
            (true, false) => ReencodeVideo + " -c:a copy",
            (false, true) => "-c:v copy -c:a aac",
            (true, true) => ReencodeVideo + " -c:a aac",
        };
        return $"ffmpeg -i {files.Input}{map} {codecs} -movflags +faststart {files.Output}";
    }

    private static string Describe(TrackFacts track) => track.Codec is null
        ? "unknown (no sample entry)"
        : track.SampleEntryType is { } entry && entry.TrimEnd() != track.Codec
            ? $"{track.Codec} ('{entry}')"
            : track.Codec;

    private static string Quote(string? brand) => brand is null ? "none" : $"'{brand}'";
}
