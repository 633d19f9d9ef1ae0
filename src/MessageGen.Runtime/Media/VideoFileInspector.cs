namespace MessageGen.Media;

/// <summary>
/// Checks video files against WhatsApp's rules without decoding them: reads the ISO base media file format
/// (MP4, 3GP, MOV) box by box, seeking over the media data, and reports the container, codecs, H.264 profile,
/// B-frames, audio tracks and box order, with a verdict and a fix hint for each broken rule.
/// </summary>
/// <remarks>
/// <para>
/// Reads the box headers and the <c>ftyp</c>, <c>moov</c> and first few <c>moof</c> boxes only, so a file with its
/// <c>moov</c> first costs a few reads whatever its size. Memory is bounded by <see cref="MaxMoovSize"/>. Malformed
/// input (truncated files, impossible box sizes, files that are not MP4 at all) gives a report with an
/// <see cref="VideoProblemCodes.Unreadable"/> problem, never an exception; only I/O errors from the stream and
/// cancellation are thrown.
/// </para>
/// <para>
/// A path may also name a pipe, a FIFO or a device (<c>&lt;(cat clip.mp4)</c>, <c>/dev/stdin</c>, <c>/dev/zero</c>):
/// what cannot seek, or has no length, is read into memory up to one byte more than
/// <see cref="MaxCompatibleFileSize"/>. Up to that it is judged as the file it carries; beyond it, it is
/// <see cref="VideoProblemCodes.TooLarge"/> and judged on what was read, and <see cref="VideoFileReport.Size"/> is the
/// bytes read. Opening a FIFO does not wait for a writer: one that no process is writing to reads as empty. Waiting for
/// a writer's data honours the cancellation token.
/// </para>
/// </remarks>
public static class VideoFileInspector
{
    /// <summary>The largest file WhatsApp accepts for a video message: 16 MiB.</summary>
    public const long MaxCompatibleFileSize = 16L * 1024 * 1024;

    /// <summary>
    /// The largest <c>moov</c> box the inspector reads: 64 MiB (an hour of video typically needs a few MiB).
    /// A larger one makes the file <see cref="VideoProblemCodes.Unreadable"/> rather than be loaded.
    /// </summary>
    public static int MaxMoovSize { get; } = 64 * 1024 * 1024;

    /// <summary>Inspects a video file from the current position of a stream to its end.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.mp4</c> and <c>out.mp4</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static VideoFileReport Inspect(Stream stream) => InspectSynchronously(stream, FixCommandFiles.Placeholders);

    /// <summary>Inspects a video file from the current position of a stream to its end.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <param name="cancellationToken">Stops the inspection between reads and boxes.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.mp4</c> and <c>out.mp4</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static Task<VideoFileReport> InspectAsync(Stream stream, CancellationToken cancellationToken = default) =>
        InspectCoreAsync(stream, StreamExtent.File, FixCommandFiles.Placeholders, useAsync: true, cancellationToken).AsTask();

    /// <summary>Inspects the video file at <paramref name="path"/>: a regular file, or a pipe, FIFO or device (see the remarks on <see cref="VideoFileInspector"/>).</summary>
    /// <param name="path">The file to inspect.</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.mp4</c> and <c>out.mp4</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not (the message names the path and says which).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read, or is neither a file, a pipe nor a device that reads like one (a terminal).</exception>
    public static VideoFileReport Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return StreamReading.CompletedSynchronously(InspectPathAsync(path, useAsync: false, CancellationToken.None));
    }

    /// <summary>Inspects the video file at <paramref name="path"/>: a regular file, or a pipe, FIFO or device (see the remarks on <see cref="VideoFileInspector"/>).</summary>
    /// <param name="path">The file to inspect.</param>
    /// <param name="cancellationToken">Stops the inspection between reads and boxes, and while waiting for data from a pipe.</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.mp4</c> and <c>out.mp4</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not (the message names the path and says which).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read, or is neither a file, a pipe nor a device that reads like one (a terminal).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<VideoFileReport> InspectAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return await InspectPathAsync(path, useAsync: true, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<VideoFileReport> InspectPathAsync(string path, bool useAsync, CancellationToken cancellationToken)
    {
        using var input = await InspectionInput.OpenAsync(path, useAsync, cancellationToken).ConfigureAwait(false);

        // A pipe or device cannot be read again by ffmpeg, nor have a fixed copy written beside it.
        var files = input.IsReadInPlace ? FixCommandFiles.For(path) : FixCommandFiles.Placeholders;
        return await InspectCoreAsync(input.Stream, input.Extent, files, useAsync, cancellationToken).ConfigureAwait(false);
    }

    private static VideoFileReport InspectSynchronously(Stream stream, FixCommandFiles files) =>
        StreamReading.CompletedSynchronously(InspectCoreAsync(stream, StreamExtent.File, files, useAsync: false, CancellationToken.None));

    /// <summary>Inspects the file from the stream's position to its end; the position is restored afterwards.</summary>
    internal static async ValueTask<VideoFileReport> InspectCoreAsync(
        Stream stream, StreamExtent extent, FixCommandFiles files, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        var origin = stream.Position;
        var scan = new FileScan(stream, extent, MaxMoovSize, useAsync, cancellationToken);
        List<VideoProblem> problems;
        try
        {
            await scan.RunAsync().ConfigureAwait(false);
            problems = CompatibilityRules.Evaluate(scan, files);
        }
        catch (MalformedMediaException error)
        {
            problems = CompatibilityRules.Unreadable(error, scan, files);
        }
        finally
        {
            stream.Position = origin;
        }

        return new VideoFileReport(
            scan.Size,
            scan.Container,
            scan.MajorBrand,
            scan.CompatibleBrands,
            scan.Tracks.Select(t => t.ToTrack()).ToArray(),
            scan.MoovBeforeMdat,
            scan.IsFragmented,
            problems);
    }
}
