using System.Diagnostics;
using MessageGen.Media;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// Pipes, FIFOs and devices given to the media inspector, which reads them up to the size limit of the kind checked.
/// Every inspection runs on the thread pool under a time limit, so that a hang fails the test instead of the run.
/// </summary>
public class MediaFileInspectorSpecialFileTests
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(20);

    [UnixTheory]
    [InlineData("photo.png")]
    [InlineData("sticker-animated.webp")]
    [InlineData("voice.ogg")]
    [InlineData("tone.m4a")]
    [InlineData("document.docx")]
    public async Task A_pipe_from_a_process_is_inspected_like_the_file_it_carries(string name)
    {
        var expected = MediaFileInspector.Inspect(MediaFixtures.PathOf(name));
        using var cat = new CatProcess(MediaFixtures.PathOf(name));

        var report = await Task.Run(() => MediaFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_hangLimit);

        Assert.Equal(expected.Kind, report.Kind);
        Assert.Equal(expected.MimeType, report.MimeType);
        Assert.Equal(expected.Size, report.Size);
        Assert.Equal((expected.Width, expected.Height, expected.Animated), (report.Width, report.Height, report.Animated));
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [UnixFact]
    public async Task A_fifo_no_process_writes_to_is_empty_at_once_and_says_why()
    {
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo("photo.png");
        var clock = Stopwatch.StartNew();

        var report = await Task.Run(() => MediaFileInspector.InspectAsync(fifo, MediaKind.Image)).WaitAsync(s_hangLimit);

        // Waiting for a writer would never end (the hang limit); seconds leave room for a cold start on a busy machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: opening a FIFO must not wait for a writer");
        var problem = Assert.Single(report.Problems);
        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.Contains("no process is writing to it", problem.Message);
    }

    [UnixFact]
    public async Task Cancellation_ends_the_wait_for_a_writer_that_sends_nothing()
    {
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo("voice.ogg");
        using var silentWriter = SpecialFileDirectory.OpenAsWriter(fifo);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var inspection = Task.Run(() => MediaFileInspector.InspectAsync(fifo, cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inspection.WaitAsync(s_hangLimit));
    }

    [UnixTheory]
    [InlineData(MediaKind.Image, MediaFileInspector.MaxImageSize)]
    [InlineData(MediaKind.Sticker, MediaFileInspector.MaxAnimatedStickerSize)]
    [InlineData(MediaKind.Document, MediaFileInspector.MaxDocumentSize)]
    public async Task The_zero_device_is_read_to_one_byte_past_the_limit_of_the_kind_checked(MediaKind kind, long limit)
    {
        var report = await Task.Run(() => MediaFileInspector.InspectAsync("/dev/zero", kind)).WaitAsync(s_hangLimit);

        Assert.Equal(limit + 1, report.Size);
        var tooLarge = Assert.Single(report.Problems, p => p.Code == MediaProblemCodes.TooLarge);
        Assert.Contains("a pipe or device, read no further than that", tooLarge.Message);
    }

    [UnixFact]
    public async Task The_zero_device_without_a_kind_is_read_as_a_video_as_it_always_was()
    {
        var report = await Task.Run(() => MediaFileInspector.InspectAsync("/dev/zero")).WaitAsync(s_hangLimit);

        Assert.Equal(MediaKind.Video, report.Kind);
        Assert.Equal(VideoFileInspector.MaxCompatibleFileSize + 1, report.Size);
        Assert.Equal([MediaProblemCodes.Unreadable, MediaProblemCodes.TooLarge], report.Problems.Select(p => p.Code));
    }

    [UnixFact]
    public async Task A_pipe_carrying_a_document_over_16_MiB_is_counted_not_kept()
    {
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, "large.pdf");
        using (var file = File.Create(path))
        {
            file.Write(MediaFixtures.Read("document.pdf"));
            file.SetLength(40L * 1024 * 1024);
        }

        using var cat = new CatProcess(path);
        var report = await Task.Run(() => MediaFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_hangLimit);

        Assert.Equal(MediaKind.Document, report.Kind);
        Assert.Equal("application/pdf", report.MimeType);
        Assert.Equal(40L * 1024 * 1024, report.Size);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }
}
