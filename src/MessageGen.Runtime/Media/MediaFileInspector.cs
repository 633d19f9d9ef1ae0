namespace MessageGen.Media;

/// <summary>
/// Checks a file against WhatsApp's rules for an image, audio, document, sticker or video message without decoding it:
/// tells the format from the file's own bytes (never from its name), reads the header that gives its facts (size in
/// pixels, animation, codec) and reports every broken rule with a stable code and a fix hint.
/// </summary>
/// <remarks>
/// <para>
/// Without a kind, the file is checked as the message type its bytes say it is (<see cref="MediaFileReport.DetectedKind"/>):
/// JPEG and PNG are images (GIF too, which image messages refuse); WebP is a sticker, as WhatsApp sends WebP; AAC, AMR, MP3,
/// OGG and MP4 files with audio only (M4A) are audio; PDF and ZIP-based files (Office, OpenDocument, EPUB) are documents;
/// other MP4, 3GP and MOV files are videos. Bytes no format claims are checked as a video, as the inspector always did, so
/// that a damaged video is reported as one; pass <see cref="MediaKind.Document"/> to check any file as a document.
/// </para>
/// <para>
/// Images, audio, documents and stickers cost at most <see cref="MaxHeaderBytes"/> of reading (usually one 4 KiB read);
/// MP4-family files are read as <see cref="VideoFileInspector"/> reads them: box headers and the whole <c>moov</c> box.
/// Damaged, truncated and hostile files give a report with a <see cref="MediaProblemCodes.Unreadable"/> problem, never an
/// exception; only I/O errors from the stream and cancellation are thrown.
/// </para>
/// <para>
/// A path may also name a pipe, a FIFO or a device, as for <see cref="VideoFileInspector"/>: it is read to its end or to one
/// byte past the size limit of the kind checked (or detected from its first bytes), keeping at most 16 MiB + 1 byte in
/// memory. Opening a FIFO does not wait for a writer; waiting for a writer's data honours the cancellation token.
/// </para>
/// </remarks>
public static class MediaFileInspector
{
    /// <summary>The largest image WhatsApp takes: 5 MiB.</summary>
    public const long MaxImageSize = 5L * 1024 * 1024;

    /// <summary>The largest audio file WhatsApp takes: 16 MiB.</summary>
    public const long MaxAudioSize = 16L * 1024 * 1024;

    /// <summary>The largest document WhatsApp takes: 100 MiB.</summary>
    public const long MaxDocumentSize = 100L * 1024 * 1024;

    /// <summary>The largest static sticker WhatsApp takes: 100 KiB.</summary>
    public const long MaxStaticStickerSize = 100L * 1024;

    /// <summary>The largest animated sticker WhatsApp takes: 500 KiB.</summary>
    public const long MaxAnimatedStickerSize = 500L * 1024;

    /// <summary>The width and height of a sticker, in pixels: 512.</summary>
    public const int StickerDimension = 512;

    /// <summary>
    /// The most the inspector reads of an image, audio file, document or sticker: 64 KiB. Headers that go on further
    /// (thousands of JPEG segments before the frame header) make the file <see cref="MediaProblemCodes.Unreadable"/>.
    /// </summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Checks the file at <paramref name="path"/> as the message type its bytes say it is.</summary>
    /// <param name="path">A regular file, or a pipe, FIFO or device (see the remarks on <see cref="MediaFileInspector"/>).</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.*</c> and <c>out.*</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static MediaFileReport Inspect(string path) => InspectSynchronously(path, kind: null);

    /// <summary>Checks the file at <paramref name="path"/> against the rules of <paramref name="kind"/>.</summary>
    /// <param name="path">A regular file, or a pipe, FIFO or device (see the remarks on <see cref="MediaFileInspector"/>).</param>
    /// <param name="kind">The message type to check the file for.</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.*</c> and <c>out.*</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static MediaFileReport Inspect(string path, MediaKind kind) => InspectSynchronously(path, kind);

    /// <summary>Checks the file from the current position of a stream to its end, as the message type its bytes say it is.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.*</c> and <c>out.*</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static MediaFileReport Inspect(Stream stream) =>
        StreamReading.CompletedSynchronously(InspectStreamAsync(stream, kind: null, useAsync: false, CancellationToken.None));

    /// <summary>Checks the file from the current position of a stream to its end against the rules of <paramref name="kind"/>.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <param name="kind">The message type to check the file for.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.*</c> and <c>out.*</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static MediaFileReport Inspect(Stream stream, MediaKind kind) =>
        StreamReading.CompletedSynchronously(InspectStreamAsync(stream, kind, useAsync: false, CancellationToken.None));

    /// <summary>Checks the file at <paramref name="path"/> as the message type its bytes say it is.</summary>
    /// <param name="path">A regular file, or a pipe, FIFO or device (see the remarks on <see cref="MediaFileInspector"/>).</param>
    /// <param name="cancellationToken">Stops the inspection between reads, and while waiting for data from a pipe.</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.*</c> and <c>out.*</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<MediaFileReport> InspectAsync(string path, CancellationToken cancellationToken = default) =>
        InspectPathAsync(path, kind: null, useAsync: true, cancellationToken).AsTask();

    /// <summary>Checks the file at <paramref name="path"/> against the rules of <paramref name="kind"/>.</summary>
    /// <param name="path">A regular file, or a pipe, FIFO or device (see the remarks on <see cref="MediaFileInspector"/>).</param>
    /// <param name="kind">The message type to check the file for.</param>
    /// <param name="cancellationToken">Stops the inspection between reads, and while waiting for data from a pipe.</param>
    /// <returns>The facts found and the verdict; fix hints name this file (<c>in.*</c> and <c>out.*</c> for a pipe or device).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or is a symbolic link whose target does not.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<MediaFileReport> InspectAsync(string path, MediaKind kind, CancellationToken cancellationToken = default) =>
        InspectPathAsync(path, kind, useAsync: true, cancellationToken).AsTask();

    /// <summary>Checks the file from the current position of a stream to its end, as the message type its bytes say it is.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <param name="cancellationToken">Stops the inspection between reads.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.*</c> and <c>out.*</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static Task<MediaFileReport> InspectAsync(Stream stream, CancellationToken cancellationToken = default) =>
        InspectStreamAsync(stream, kind: null, useAsync: true, cancellationToken).AsTask();

    /// <summary>Checks the file from the current position of a stream to its end against the rules of <paramref name="kind"/>.</summary>
    /// <param name="stream">A readable, seekable stream; its position is restored afterwards.</param>
    /// <param name="kind">The message type to check the file for.</param>
    /// <param name="cancellationToken">Stops the inspection between reads.</param>
    /// <returns>The facts found and the verdict. Fix hints name the files <c>in.*</c> and <c>out.*</c>.</returns>
    /// <exception cref="ArgumentException">The stream cannot read or cannot seek.</exception>
    /// <exception cref="IOException">The stream fails to read.</exception>
    public static Task<MediaFileReport> InspectAsync(Stream stream, MediaKind kind, CancellationToken cancellationToken = default) =>
        InspectStreamAsync(stream, kind, useAsync: true, cancellationToken).AsTask();

    private static MediaFileReport InspectSynchronously(string path, MediaKind? kind) =>
        StreamReading.CompletedSynchronously(InspectPathAsync(path, kind, useAsync: false, CancellationToken.None));

    private static async ValueTask<MediaFileReport> InspectPathAsync(string path, MediaKind? kind, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // A pipe is read as far as the kind asked for, or the one its first bytes announce, may be large.
        using var input = await InspectionInput.OpenAsync(
            path,
            head => MediaRules.SizeLimit(kind ?? Signatures.KindOf(Signatures.Identify(head.Span)) ?? MediaKind.Video, animated: true),
            useAsync,
            cancellationToken).ConfigureAwait(false);
        return await InspectCoreAsync(input.Stream, input.Size, input.Extent, input.IsReadInPlace ? path : null, kind, useAsync, cancellationToken)
            .ConfigureAwait(false);
    }

    private static ValueTask<MediaFileReport> InspectStreamAsync(Stream stream, MediaKind? kind, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        return InspectCoreAsync(stream, Math.Max(0, stream.Length - stream.Position), StreamExtent.File, fixPath: null, kind, useAsync, cancellationToken);
    }

    /// <param name="stream">The file, or what was kept of a pipe, from its position.</param>
    /// <param name="size">The file's size: of a pipe, the bytes read.</param>
    /// <param name="extent">How much of the file the stream holds.</param>
    /// <param name="fixPath">The file that fix hints name; <see langword="null"/> for a stream, pipe or device.</param>
    /// <param name="kind">The kind asked for; <see langword="null"/> to check the file as what its bytes say.</param>
    /// <param name="useAsync">Whether to read asynchronously.</param>
    /// <param name="cancellationToken">Stops the inspection between reads.</param>
    private static async ValueTask<MediaFileReport> InspectCoreAsync(
        Stream stream, long size, StreamExtent extent, string? fixPath, MediaKind? kind, bool useAsync, CancellationToken cancellationToken)
    {
        var origin = stream.Position;
        try
        {
            var reader = await HeaderReader.OpenAsync(stream, useAsync, cancellationToken).ConfigureAwait(false);
            var signature = Signatures.Identify(reader.Prefix.Span);
            var format = await FormatDetector.DetectAsync(reader, signature).ConfigureAwait(false);
            if (signature == Signature.IsoMedia || (kind ?? format.Kind ?? MediaKind.Video) == MediaKind.Video)
            {
                stream.Position = origin;
                var videoFiles = fixPath is null ? FixCommandFiles.Placeholders : FixCommandFiles.For(fixPath);
                var video = await VideoFileInspector.InspectCoreAsync(stream, extent, videoFiles, useAsync, cancellationToken).ConfigureAwait(false);
                format = signature == Signature.IsoMedia ? IsoMediaFormat.From(video) : format with { Video = video };
            }

            var checkedKind = kind ?? format.Kind ?? MediaKind.Video;
            var problems = checkedKind == MediaKind.Video
                ? format.Video!.Problems.ToList<MediaProblem>()
                : MediaRules.Evaluate(checkedKind, format, size, extent, extension => fixPath is null
                    ? new FixCommandFiles(format.Kind is null ? "in" : $"in.{format.Name}", "out" + extension)
                    : FixCommandFiles.For(fixPath, extension));
            return new MediaFileReport(checkedKind, format, size, MediaRules.SizeLimit(checkedKind, format.Animated == true), problems);
        }
        finally
        {
            stream.Position = origin;
        }
    }
}
