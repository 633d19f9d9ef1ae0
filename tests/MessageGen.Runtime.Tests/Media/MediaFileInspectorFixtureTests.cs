using MessageGen.Media;
using MessageGen.Testing;

namespace MessageGen.Runtime.Tests.Media;

public class MediaFileInspectorFixtureTests
{
    public static TheoryData<string> Fixtures => MediaFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Tells_the_kind_and_facts_from_the_bytes(string name)
    {
        var expected = MediaFixtures.Facts.Single(f => f.Name == name);

        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf(name));

        Assert.Equal(expected.Kind, report.Kind);
        Assert.Equal(expected.Kind, report.DetectedKind);
        Assert.Equal(expected.Format, report.Format);
        Assert.Equal(expected.Mime, report.MimeType);
        Assert.Equal(expected.Width, report.Width);
        Assert.Equal(expected.Height, report.Height);
        Assert.Equal(expected.Animated, report.Animated);
        Assert.Equal(expected.AudioCodecs, report.AudioCodecs);
        Assert.Equal(new FileInfo(MediaFixtures.PathOf(name)).Length, report.Size);
        Assert.Equal(expected.ProblemCodes, report.Problems.Select(p => p.Code));
        Assert.Equal(expected.ProblemCodes.Length == 0, report.IsCompatible);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_name_of_the_file_plays_no_part(string name)
    {
        using var directory = new SpecialFileDirectory();
        var renamed = Path.Combine(directory.Path, "renamed.mp4");
        File.Copy(MediaFixtures.PathOf(name), renamed);

        Assert.Equal(Summary(MediaFileInspector.Inspect(MediaFixtures.PathOf(name))), Summary(MediaFileInspector.Inspect(renamed)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Stream_path_sync_and_async_overloads_agree(string name)
    {
        var path = MediaFixtures.PathOf(name);
        var fromPath = MediaFileInspector.Inspect(path);
        using var stream = new MemoryStream(MediaFixtures.Read(name));

        foreach (var other in new[]
        {
            await MediaFileInspector.InspectAsync(path),
            MediaFileInspector.Inspect(stream),
            await MediaFileInspector.InspectAsync(stream),
            MediaFileInspector.Inspect(path, fromPath.Kind),
            await MediaFileInspector.InspectAsync(stream, fromPath.Kind),
        })
        {
            Assert.Equal(Summary(fromPath), Summary(other));
            Assert.Equal(0, stream.Position);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_no_more_than_the_header_budget(string name)
    {
        using var counting = new CountingStream(File.OpenRead(MediaFixtures.PathOf(name)));

        MediaFileInspector.Inspect(counting);

        Assert.InRange(counting.BytesRead, 1, MediaFileInspector.MaxHeaderBytes - 1);
    }

    [Theory]
    [InlineData(false, 50)]
    [InlineData(true, 50)]
    public void Reads_amr_and_amr_wb_from_their_magic_line(bool wideband, int frames)
    {
        using var stream = new MemoryStream(wideband ? MediaFixtures.AmrWideband(frames) : MediaFixtures.Amr(frames));

        var report = MediaFileInspector.Inspect(stream);

        Assert.Equal(MediaKind.Audio, report.Kind);
        Assert.Equal(wideband ? "amr-wb" : "amr", report.Format);
        Assert.Equal("audio/amr", report.MimeType);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void A_video_is_checked_by_the_video_rules_and_keeps_its_report()
    {
        var path = VideoFixtures.PathOf("high.mp4");

        var report = MediaFileInspector.Inspect(path);

        Assert.Equal(MediaKind.Video, report.Kind);
        Assert.Equal("mp4", report.Format);
        Assert.Equal("video/mp4", report.MimeType);
        Assert.Equal(["aac"], report.AudioCodecs);
        Assert.Null(report.Width);
        var video = VideoFileInspector.Inspect(path);
        Assert.Equal(video.Problems.Select(p => (p.Code, p.Message, p.FixHint)), report.Problems.Select(p => (p.Code, p.Message, p.FixHint)));
        Assert.Equal(video.H264Profile, report.Video!.H264Profile);
    }

    [Fact]
    public void An_mp4_file_with_audio_only_is_m4a_audio()
    {
        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf("tone.m4a"));

        Assert.Equal(MediaKind.Audio, report.DetectedKind);
        Assert.Equal("audio/mp4", report.MimeType);
        Assert.Equal(["aac"], report.Video!.AudioCodecs);
    }

    [Fact]
    public void Bytes_no_format_claims_are_checked_as_a_video_so_a_damaged_one_says_where()
    {
        using var stream = new MemoryStream("This is a text file, not a video.\n"u8.ToArray());

        var report = MediaFileInspector.Inspect(stream);

        Assert.Null(report.DetectedKind);
        Assert.Equal(MediaKind.Video, report.Kind);
        Assert.Equal("unknown", report.Format);
        Assert.Equal("application/octet-stream", report.MimeType);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.Equal(VideoFileInspector.Inspect(stream).Problems.Single().Message, problem.Message);
    }

    [Theory]
    [InlineData("photo.png", MediaKind.Sticker, "The file is a PNG image (image/png); stickers must be WebP (image/webp)", "-c:v libwebp")]
    [InlineData("photo.jpg", MediaKind.Sticker, "The file is a JPEG image (image/jpeg); stickers must be WebP", "-c:v libwebp")]
    [InlineData("sticker.webp", MediaKind.Image, "The file is a WebP image (image/webp); image messages take JPEG (image/jpeg) or PNG (image/png) only", ".png")]
    [InlineData("picture.gif", MediaKind.Image, "The file is a GIF image (image/gif); image messages take JPEG", ".png")]
    [InlineData("document.pdf", MediaKind.Image, "The file is a PDF document (application/pdf); image messages", "Send it as a document message instead.")]
    [InlineData("photo.png", MediaKind.Audio, "The file is a PNG image (image/png); audio messages take AAC, AMR, MP3, M4A (AAC) or OGG (Opus) only.", "Send it as an image message instead.")]
    [InlineData("tone.mp2", MediaKind.Audio, "The file is MPEG audio Layer II (MP2) (audio/mpeg); audio messages", "-c:a libopus")]
    [InlineData("voice.ogg", MediaKind.Sticker, "The file is an OGG file (audio/ogg); stickers must be WebP", "Send it as an audio message instead.")]
    public void A_file_checked_as_another_kind_breaks_the_format_rule_with_a_way_out(string name, MediaKind kind, string message, string hint)
    {
        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf(name), kind);

        Assert.Equal(kind, report.Kind);
        var problem = Assert.Single(report.Problems, p => p.Code == MediaProblemCodes.Format);
        Assert.StartsWith(message, problem.Message);
        Assert.Contains(hint, problem.FixHint);
    }

    [Fact]
    public void A_video_checked_as_audio_is_the_wrong_format_and_the_fix_extracts_its_audio()
    {
        var path = VideoFixtures.PathOf("main.mp4");

        var report = MediaFileInspector.Inspect(path, MediaKind.Audio);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(MediaProblemCodes.Format, problem.Code);
        Assert.StartsWith("The file is an MP4 video (video/mp4); audio messages take", problem.Message);
        Assert.Equal($"Re-encode it as OGG with Opus, e.g. ffmpeg -i {path} -vn -c:a libopus -b:a 32k {VideoFixtures.PathOf("main-whatsapp.ogg")}", problem.FixHint);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Any_file_is_a_document_with_the_mime_type_of_what_it_is(string name)
    {
        var expected = MediaFixtures.Facts.Single(f => f.Name == name);

        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf(name), MediaKind.Document);

        Assert.Equal(MediaKind.Document, report.Kind);
        Assert.Equal(expected.Kind, report.DetectedKind);
        Assert.Equal(expected.Mime, report.MimeType);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void Text_is_a_document_of_unknown_type_when_asked()
    {
        using var stream = new MemoryStream("Meeting notes\n"u8.ToArray());

        var report = MediaFileInspector.Inspect(stream, MediaKind.Document);

        Assert.True(report.IsCompatible);
        Assert.Equal("application/octet-stream", report.MimeType);
    }

    [Fact]
    public void An_m4a_checked_as_a_video_has_no_video_track()
    {
        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf("tone.m4a"), MediaKind.Video);

        Assert.Equal([VideoProblemCodes.VideoCodec], report.Problems.Select(p => p.Code));
    }

    [Fact]
    public void A_sticker_that_is_not_512_by_512_breaks_the_dimensions_rule_with_a_scaling_command()
    {
        var path = MediaFixtures.PathOf("picture.webp");

        var problem = Assert.Single(MediaFileInspector.Inspect(path).Problems);

        Assert.Equal(MediaProblemCodes.Dimensions, problem.Code);
        Assert.Equal("The sticker is 64x48 pixels; WhatsApp stickers are exactly 512x512.", problem.Message);
        Assert.Equal(
            $"Scale it to fit, e.g. ffmpeg -i {path} -vf scale=512:512:force_original_aspect_ratio=decrease,format=rgba,pad=512:512:-1:-1:color=black@0 -c:v libwebp {MediaFixtures.PathOf("picture-whatsapp.webp")}",
            problem.FixHint);
    }

    [Fact]
    public void Vorbis_in_ogg_breaks_the_audio_codec_rule()
    {
        var problem = Assert.Single(MediaFileInspector.Inspect(MediaFixtures.PathOf("vorbis.ogg")).Problems);

        Assert.Equal(MediaProblemCodes.AudioCodec, problem.Code);
        Assert.Equal("The OGG file carries vorbis; WhatsApp plays OGG only with Opus audio.", problem.Message);
        Assert.Contains("-c:a libopus", problem.FixHint);
    }

    [Fact]
    public void Fix_hints_for_a_stream_name_placeholder_files()
    {
        using var stream = new MemoryStream(MediaFixtures.Read("photo.png"));

        var problem = Assert.Single(MediaFileInspector.Inspect(stream, MediaKind.Sticker).Problems);

        Assert.EndsWith("ffmpeg -i in.png -vf scale=512:512:force_original_aspect_ratio=decrease,format=rgba,pad=512:512:-1:-1:color=black@0 -c:v libwebp out.webp", problem.FixHint);
    }

    [Fact]
    public void ThrowIfIncompatible_lists_every_problem_with_its_fix()
    {
        var report = MediaFileInspector.Inspect(MediaFixtures.PathOf("photo.png"), MediaKind.Sticker);

        var error = Assert.Throws<IncompatibleMediaException>(report.ThrowIfIncompatible);

        Assert.Same(report, error.Report);
        Assert.StartsWith("The file cannot be sent as a WhatsApp sticker message:", error.Message);
        Assert.Contains("[format] The file is a PNG image", error.Message);
        Assert.Contains("Fix: Make a sticker of it", error.Message);
        MediaFileInspector.Inspect(MediaFixtures.PathOf("sticker.webp")).ThrowIfIncompatible();
    }

    [Fact]
    public void Every_kind_has_its_rules_in_report_order()
    {
        Assert.Equal(["format", "too-large"], MediaProblemCodes.RulesFor(MediaKind.Image));
        Assert.Equal(["format", "audio-codec", "too-large"], MediaProblemCodes.RulesFor(MediaKind.Audio));
        Assert.Equal(["format", "too-large"], MediaProblemCodes.RulesFor(MediaKind.Document));
        Assert.Equal(["format", "dimensions", "too-large"], MediaProblemCodes.RulesFor(MediaKind.Sticker));
        Assert.Equal(VideoProblemCodes.Rules, MediaProblemCodes.RulesFor(MediaKind.Video));
    }

    private static string Summary(MediaFileReport report) =>
        $"{report.Kind} {report.DetectedKind} {report.Format} {report.MimeType} {report.Size} {report.Width}x{report.Height} {report.Animated} "
        + $"[{string.Join(",", report.AudioCodecs)}] [{string.Join(" | ", report.Problems.Select(p => p.Code + ": " + p.Message))}]";
}
