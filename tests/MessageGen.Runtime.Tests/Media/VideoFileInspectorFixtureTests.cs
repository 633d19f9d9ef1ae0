using MessageGen.Media;
using MessageGen.Testing;

namespace MessageGen.Runtime.Tests.Media;

public class VideoFileInspectorFixtureTests
{
    public static TheoryData<string> Fixtures => VideoFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reports_the_facts_that_were_encoded(string name)
    {
        var expected = VideoFixtures.Facts.Single(f => f.Name == name);

        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf(name));

        Assert.Equal(expected.Container, report.Container.ToShortName());
        Assert.Equal(expected.Mime, report.MimeType);
        Assert.Equal(new FileInfo(VideoFixtures.PathOf(name)).Length, report.Size);
        Assert.Equal(expected.VideoCodec, report.VideoCodec);
        Assert.Equal(expected.H264Profile, report.H264Profile);
        Assert.Equal(expected.HasBFrames, report.HasBFrames);
        Assert.Equal(expected.AudioCodecs, report.AudioCodecs);
        Assert.Equal(expected.AudioCodecs.Length, report.AudioTrackCount);
        Assert.Equal(expected.MoovBeforeMdat, report.MoovBeforeMdat);
        Assert.Equal(expected.IsFragmented, report.IsFragmented);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Breaks_exactly_the_rules_the_fixture_was_made_to_break(string name)
    {
        var expected = VideoFixtures.Facts.Single(f => f.Name == name);

        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf(name));

        Assert.Equal(expected.ProblemCodes.Order(), report.Problems.Select(p => p.Code).Order());
        Assert.Equal(expected.ProblemCodes.Length == 0, report.IsCompatible);
        Assert.All(report.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Stream_path_sync_and_async_overloads_agree(string name)
    {
        var bytes = VideoFixtures.Read(name);
        var fromPath = VideoFileInspector.Inspect(VideoFixtures.PathOf(name));
        var fromPathAsync = await VideoFileInspector.InspectAsync(VideoFixtures.PathOf(name));
        using var stream = new MemoryStream(bytes);
        var fromStream = VideoFileInspector.Inspect(stream);
        var fromStreamAsync = await VideoFileInspector.InspectAsync(stream);

        foreach (var other in new[] { fromPathAsync, fromStream, fromStreamAsync })
        {
            Assert.Equal(Summary(fromPath), Summary(other));
        }
    }

    [Fact]
    public void Reads_each_track_with_its_handler_sample_entry_and_id()
    {
        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf("two-audio-tracks.mp4"));

        Assert.Collection(report.Tracks,
            t => Assert.Equal((1u, MediaTrackKind.Video, "vide", "avc1", "h264"), (t.TrackId, t.Kind, t.HandlerType, t.SampleEntryType, t.Codec)),
            t => Assert.Equal((2u, MediaTrackKind.Audio, "soun", "mp4a", "aac"), (t.TrackId, t.Kind, t.HandlerType, t.SampleEntryType, t.Codec)),
            t => Assert.Equal((3u, MediaTrackKind.Audio, "soun", "mp4a", "aac"), (t.TrackId, t.Kind, t.HandlerType, t.SampleEntryType, t.Codec)));
    }

    [Theory]
    [InlineData("main.mp4", "isom", "isom iso2 avc1 mp41")]
    [InlineData("main.3gp", "3gp6", "3gp6 isom iso2 avc1")]
    [InlineData("quicktime.mov", "qt  ", "qt  ")]
    [InlineData("fragmented.mp4", "iso5", "iso5 iso6 mp41")]
    public void Reads_the_ftyp_brands(string name, string majorBrand, string compatibleBrands)
    {
        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf(name));

        Assert.Equal(majorBrand, report.MajorBrand);
        Assert.Equal(compatibleBrands.Split(' ').Where(b => b.Length > 0).Select(b => b.PadRight(4)), report.CompatibleBrands);
    }

    [Fact]
    public void Only_box_order_wrong_gives_the_remux_only_command()
    {
        var problem = Assert.Single(VideoFileInspector.Inspect(VideoFixtures.PathOf("moov-at-end.mp4")).Problems);

        Assert.Equal(VideoProblemCodes.MoovAfterMdat, problem.Code);
        Assert.EndsWith("-c copy -movflags +faststart " + Path.Combine(VideoFixtures.Directory, "moov-at-end-whatsapp.mp4"), problem.FixHint);
        Assert.StartsWith("ffmpeg -i " + VideoFixtures.PathOf("moov-at-end.mp4") + " ", problem.FixHint);
    }

    [Theory]
    [InlineData("high.mp4", "-c:v libx264 -profile:v main -bf 0 -pix_fmt yuv420p -c:a copy -movflags +faststart")]
    [InlineData("b-frames.mp4", "-c:v libx264 -profile:v main -bf 0 -pix_fmt yuv420p -c:a copy -movflags +faststart")]
    [InlineData("vp9.mp4", "-c:v libx264 -profile:v main -bf 0 -pix_fmt yuv420p -c:a copy -movflags +faststart")]
    [InlineData("mp3-audio.mp4", "-c:v copy -c:a aac -movflags +faststart")]
    [InlineData("two-audio-tracks.mp4", "-map 0:v:0 -map 0:a:0 -c copy -movflags +faststart")]
    [InlineData("quicktime.mov", "-c copy -movflags +faststart")]
    public void Fix_hint_reencodes_only_what_is_wrong(string name, string expectedArguments)
    {
        using var stream = File.OpenRead(VideoFixtures.PathOf(name));

        var report = VideoFileInspector.Inspect(stream);

        Assert.NotEmpty(report.Problems);
        Assert.All(report.Problems, p => Assert.Equal($"ffmpeg -i in.mp4 {expectedArguments} out.mp4", p.FixHint));
    }

    [Fact]
    public void Fix_hint_quotes_a_path_with_spaces()
    {
        var directory = Directory.CreateTempSubdirectory("messagegen inspect ");
        try
        {
            var path = Path.Combine(directory.FullName, "my clip.mp4");
            File.Copy(VideoFixtures.PathOf("high.mp4"), path);

            var hint = VideoFileInspector.Inspect(path).Problems.Single().FixHint;

            var output = Path.Combine(directory.FullName, "my clip-whatsapp.mp4");
            var quote = OperatingSystem.IsWindows() ? "\"" : "'";
            Assert.StartsWith($"ffmpeg -i {quote}{path}{quote} ", hint);
            Assert.EndsWith($" {quote}{output}{quote}", hint);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Inspects_from_the_stream_position_and_restores_it()
    {
        var prefix = new byte[1000];
        var file = VideoFixtures.Read("main.mp4");
        using var stream = new MemoryStream([.. prefix, .. file]);
        stream.Position = prefix.Length;

        var report = VideoFileInspector.Inspect(stream);

        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
        Assert.Equal(file.Length, report.Size);
        Assert.Equal(prefix.Length, stream.Position);
    }

    [Fact]
    public async Task Inspection_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => VideoFileInspector.InspectAsync(new MemoryStream(VideoFixtures.Read("main.mp4")), cancelled.Token));
    }

    [Fact]
    public void Rejects_a_stream_that_cannot_seek()
    {
        using var stream = new NonSeekableStream(VideoFixtures.Read("main.mp4"));

        Assert.Throws<ArgumentException>(() => VideoFileInspector.Inspect(stream));
    }

    [Fact]
    public void A_missing_file_throws_FileNotFoundException_that_names_it()
    {
        var path = Path.Combine(VideoFixtures.Directory, "no-such-file.mp4");

        var error = Assert.Throws<FileNotFoundException>(() => VideoFileInspector.Inspect(path));

        Assert.Equal(path, error.FileName);
        Assert.Equal($"'{path}' does not exist.", error.Message);
    }

    [Fact]
    public void A_file_over_16_MiB_is_too_large_and_nothing_else()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                file.Write(VideoFixtures.Read("main.mp4"));
                TestFiles.AppendSparseFreeBox(file, VideoFileInspector.MaxCompatibleFileSize);
            }

            using var counting = new CountingStream(File.OpenRead(path));
            var report = VideoFileInspector.Inspect(counting);

            Assert.Equal(new FileInfo(path).Length, report.Size);
            Assert.True(report.Size > VideoFileInspector.MaxCompatibleFileSize);
            Assert.True(counting.BytesRead < 4096, $"read {counting.BytesRead} bytes: only box headers and moov should be read");
            var problem = Assert.Single(report.Problems);
            Assert.Equal(VideoProblemCodes.TooLarge, problem.Code);
            Assert.Contains(report.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), problem.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_of_exactly_16_MiB_is_not_too_large()
    {
        var main = VideoFixtures.Read("main.mp4");
        using var stream = new MemoryStream();
        stream.Write(main);
        TestFiles.AppendSparseFreeBox(stream, VideoFileInspector.MaxCompatibleFileSize - main.Length);
        stream.Position = 0;

        var report = VideoFileInspector.Inspect(stream);

        Assert.Equal(VideoFileInspector.MaxCompatibleFileSize, report.Size);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void Names_amr_audio_from_its_sample_entry()
    {
        // The installed ffmpeg has no AMR encoder, so the mp4a entry of a real file is relabelled 'samr'.
        var bytes = VideoFixtures.Read("main.3gp");
        TestFiles.ReplaceFourCc(bytes, "mp4a", "samr");
        using var stream = new MemoryStream(bytes);

        var report = VideoFileInspector.Inspect(stream);

        Assert.Equal(["amr"], report.AudioCodecs);
        Assert.Equal([VideoProblemCodes.AudioCodec], report.Problems.Select(p => p.Code));
    }

    [Theory]
    [InlineData(0x40, "aac")]
    [InlineData(0x6B, "mp3")]
    [InlineData(0x69, "mp3")]
    [InlineData(0xDD, "vorbis")]
    public void Reads_the_audio_object_type_from_the_esds_inside_a_QuickTime_wave_box(byte objectType, string codec)
    {
        var bytes = VideoFixtures.Read("quicktime.mov");
        var wave = bytes.AsSpan().IndexOf("wave"u8);
        var esds = wave + bytes.AsSpan(wave).IndexOf("esds"u8);
        var decoderConfig = esds + bytes.AsSpan(esds).IndexOf((ReadOnlySpan<byte>)[0x04, 0x80, 0x80, 0x80]);
        Assert.True(wave > 0 && esds > wave && decoderConfig > esds);
        bytes[decoderConfig + 5] = objectType;

        var report = VideoFileInspector.Inspect(new MemoryStream(bytes));

        Assert.Equal([codec], report.AudioCodecs);
    }

    [Fact]
    public void Reads_the_original_format_of_an_encrypted_track()
    {
        var report = VideoFileInspector.Inspect(new MemoryStream(TestFiles.WithEncryptedVideoEntry(VideoFixtures.Read("main.mp4"))));

        Assert.Equal("h264", report.VideoCodec);
        Assert.Equal("avc1", report.Tracks[0].SampleEntryType);
    }

    [Fact]
    public void Incompatible_video_exception_lists_every_problem_and_keeps_the_report()
    {
        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf("hevc.mp4"));

        var exception = new IncompatibleVideoException(report);

        Assert.Same(report, exception.Report);
        Assert.All(report.Problems, p => Assert.Contains($"[{p.Code}] {p.Message}", exception.Message));
        Assert.Contains("ffmpeg -i", exception.Message);
    }

    [Fact]
    public void ThrowIfIncompatible_throws_only_for_an_incompatible_file()
    {
        VideoFileInspector.Inspect(VideoFixtures.PathOf("main.mp4")).ThrowIfIncompatible();
        var report = VideoFileInspector.Inspect(VideoFixtures.PathOf("two-audio-tracks.mp4"));

        var exception = Assert.Throws<IncompatibleVideoException>(report.ThrowIfIncompatible);

        Assert.Same(report, exception.Report);
        Assert.Contains("[audio-tracks]", exception.Message);
    }

    private static string Summary(VideoFileReport r) =>
        $"{r.Size} {r.Container} {r.VideoCodec} {r.H264Profile} {r.HasBFrames} {string.Join(",", r.AudioCodecs)} "
        + $"{r.MoovBeforeMdat} {r.IsFragmented} {string.Join(",", r.Problems.Select(p => p.Code))}";
}
