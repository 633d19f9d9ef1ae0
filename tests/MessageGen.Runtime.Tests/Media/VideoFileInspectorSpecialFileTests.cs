using System.Diagnostics;
using MessageGen.Media;
using static MessageGen.Runtime.Tests.Media.TestFiles;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// Paths that are not regular files: FIFOs with and without a writer, pipes from processes, devices, broken links.
/// Every inspection runs on the thread pool under a time limit, so that a hang fails the test instead of the run.
/// </summary>
public class VideoFileInspectorSpecialFileTests
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_atOnce = TimeSpan.FromSeconds(5);

    [UnixFact]
    public async Task A_fifo_no_process_writes_to_is_empty_at_once_and_says_why()
    {
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo();
        var clock = Stopwatch.StartNew();

        var fromAsync = await Task.Run(() => VideoFileInspector.InspectAsync(fifo)).WaitAsync(s_hangLimit);
        var fromSync = await Task.Run(() => VideoFileInspector.Inspect(fifo)).WaitAsync(s_hangLimit);

        // Waiting for a writer would never end (the hang limit); seconds leave room for a cold start on a busy machine.
        Assert.True(clock.Elapsed < s_atOnce, $"took {clock.Elapsed}: opening a FIFO must not wait for a writer");
        foreach (var report in new[] { fromAsync, fromSync })
        {
            Assert.Equal(0, report.Size);
            var problem = Assert.Single(report.Problems);
            Assert.Equal(VideoProblemCodes.Unreadable, problem.Code);
            Assert.Contains("is empty", problem.Message);
            Assert.Contains("no process is writing to it", problem.Message);
        }
    }

    [UnixFact]
    public async Task Cancellation_ends_the_wait_for_a_writer_that_sends_nothing()
    {
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo();
        using var silentWriter = SpecialFileDirectory.OpenAsWriter(fifo);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var inspection = Task.Run(() => VideoFileInspector.InspectAsync(fifo, cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inspection.WaitAsync(s_hangLimit));
        // 200 ms until the cancellation, and seconds for a busy machine to notice it; not stopping would hang.
        Assert.True(clock.Elapsed < s_atOnce, $"took {clock.Elapsed} to stop after a cancellation at 200 ms");
    }

    [UnixFact]
    public async Task A_fifo_is_read_until_its_writer_closes_it()
    {
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo();
        // More than a pipe holds (64 KiB), so that the write ends only once the inspector is reading.
        var file = Concat(VideoFixtures.Read("main.mp4"), Box("free", new byte[256 * 1024]));
        var writer = SpecialFileDirectory.OpenAsWriter(fifo);

        var inspection = Task.Run(() => VideoFileInspector.InspectAsync(fifo));
        await using (writer)
        {
            await writer.WriteAsync(file).AsTask().WaitAsync(s_hangLimit);
        }

        var report = await inspection.WaitAsync(s_hangLimit);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
        Assert.Equal(file.Length, report.Size);
    }

    [UnixFact]
    public async Task A_pipe_from_a_process_is_inspected_like_the_file_it_carries()
    {
        var path = VideoFixtures.PathOf("hevc.mp4");
        var expected = VideoFileInspector.Inspect(path);
        using var forAsync = new CatProcess(path);
        using var forSync = new CatProcess(path);

        var fromAsync = await Task.Run(() => VideoFileInspector.InspectAsync(forAsync.PipePath)).WaitAsync(s_hangLimit);
        var fromSync = await Task.Run(() => VideoFileInspector.Inspect(forSync.PipePath)).WaitAsync(s_hangLimit);

        foreach (var report in new[] { fromAsync, fromSync })
        {
            Assert.Equal(expected.Size, report.Size);
            Assert.Equal("hevc", report.VideoCodec);
            Assert.Equal(expected.Problems.Select(p => p.Code), report.Problems.Select(p => p.Code));
            // A pipe cannot be read twice, nor a fixed copy written beside it: the hints name placeholders.
            Assert.All(report.Problems, p => Assert.StartsWith("ffmpeg -i in.mp4 ", p.FixHint));
            Assert.All(report.Problems, p => Assert.EndsWith(" out.mp4", p.FixHint));
        }
    }

    [UnixFact]
    public async Task A_pipe_carrying_more_than_16_MiB_is_too_large_and_judged_on_what_was_read()
    {
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, "large.mp4");
        using (var large = File.Create(path))
        {
            large.Write(VideoFixtures.Read("main.mp4"));
            AppendSparseFreeBox(large, VideoFileInspector.MaxCompatibleFileSize);
        }

        using var cat = new CatProcess(path);
        var report = await Task.Run(() => VideoFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_hangLimit);

        Assert.Equal(VideoFileInspector.MaxCompatibleFileSize + 1, report.Size);
        Assert.Equal("h264", report.VideoCodec);
        Assert.Equal("main", report.H264Profile);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VideoProblemCodes.TooLarge, problem.Code);
        Assert.Contains("more than 16,777,216 bytes", problem.Message);
    }

    [UnixFact]
    public async Task A_pipe_carrying_more_than_16_MiB_before_its_moov_is_unreadable_and_too_large()
    {
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, "large-moov-at-end.mp4");
        var file = VideoFixtures.Read("moov-at-end.mp4");
        var moov = file.AsSpan().IndexOf("moov"u8) - 4;
        using (var large = File.Create(path))
        {
            large.Write(file.AsSpan(0, moov));
            AppendSparseFreeBox(large, VideoFileInspector.MaxCompatibleFileSize);
            large.Write(file.AsSpan(moov));
        }

        using var cat = new CatProcess(path);
        var report = await Task.Run(() => VideoFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_hangLimit);

        Assert.Equal([VideoProblemCodes.Unreadable, VideoProblemCodes.TooLarge], report.Problems.Select(p => p.Code));
        Assert.Contains($"at byte offset {moov},", report.Problems[0].Message);
        Assert.Contains("no 'moov' box in the first 16,777,217 bytes", report.Problems[0].Message);
    }

    [UnixFact]
    public async Task The_zero_device_is_not_a_video_and_too_large_never_empty()
    {
        var report = await Task.Run(() => VideoFileInspector.InspectAsync("/dev/zero")).WaitAsync(s_hangLimit);

        Assert.Equal(VideoFileInspector.MaxCompatibleFileSize + 1, report.Size);
        Assert.Equal([VideoProblemCodes.Unreadable, VideoProblemCodes.TooLarge], report.Problems.Select(p => p.Code));
        Assert.Contains("not an MP4, 3GP or MOV file", report.Problems[0].Message);
        Assert.DoesNotContain("empty", report.Problems[0].Message);
    }

    [UnixFact]
    public async Task The_null_device_is_empty()
    {
        var report = await Task.Run(() => VideoFileInspector.Inspect("/dev/null")).WaitAsync(s_hangLimit);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(VideoProblemCodes.Unreadable, problem.Code);
        Assert.Contains("is empty", problem.Message);
    }

    [UnixFact]
    public async Task A_broken_symbolic_link_is_not_found_and_named_as_a_broken_link()
    {
        using var directory = new SpecialFileDirectory();
        var target = Path.Combine(directory.Path, "deleted.mp4");
        var link = directory.MakeSymbolicLink("clip.mp4", target);

        var fromSync = Assert.Throws<FileNotFoundException>(() => VideoFileInspector.Inspect(link));
        var fromAsync = await Assert.ThrowsAsync<FileNotFoundException>(() => VideoFileInspector.InspectAsync(link));

        foreach (var error in new[] { fromSync, fromAsync })
        {
            Assert.Equal(link, error.FileName);
            Assert.Equal($"'{link}' is a broken symbolic link: its target '{target}' does not exist.", error.Message);
        }
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var error = Assert.Throws<UnauthorizedAccessException>(() => VideoFileInspector.Inspect(VideoFixtures.Directory));

        Assert.Equal($"'{VideoFixtures.Directory}' is a directory, not a file.", error.Message);
    }
}
