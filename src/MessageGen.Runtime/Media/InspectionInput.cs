using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace MessageGen.Media;

/// <summary>
/// The bytes of the file at a path, as <see cref="FileScan"/> reads them. A regular file is read in place, box by box.
/// A pipe, FIFO or device has no length to seek within (a FIFO cannot seek; <c>/dev/zero</c> and <c>/proc</c> files
/// say 0 bytes), so it is read into memory instead: to its end or to one byte past
/// <see cref="VideoFileInspector.MaxCompatibleFileSize"/>, whichever comes first. That is enough to judge any file
/// WhatsApp accepts, and puts an end to endless ones.
/// </summary>
internal sealed class InspectionInput : IDisposable
{
    private const int FirstBufferSize = 64 * 1024;
    private const long ReadLimit = VideoFileInspector.MaxCompatibleFileSize + 1;

    private InspectionInput(Stream stream, StreamExtent extent, bool isReadInPlace)
    {
        Stream = stream;
        Extent = extent;
        IsReadInPlace = isReadInPlace;
    }

    public Stream Stream { get; }

    public StreamExtent Extent { get; }

    /// <summary>Whether this is a file read where it lies; otherwise a pipe or device, read into memory.</summary>
    public bool IsReadInPlace { get; }

    /// <summary>Opens <paramref name="path"/>; a pipe or device is read here, and the wait for its data honours the token.</summary>
    public static async ValueTask<InspectionInput> OpenAsync(string path, bool useAsync, CancellationToken cancellationToken)
    {
        var file = FileOpener.OpenForReading(path, useAsync);
        if (file.CanSeek && file.Length > 0)
        {
            return new InspectionInput(file, StreamExtent.File, isReadInPlace: true);
        }

        using Stream source = file.CanSeek || OperatingSystem.IsWindows() ? file : AsPipe(file, path);
        return await ReadToLimitAsync(source, useAsync, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Stream.Dispose();

    /// <summary>
    /// Hands the descriptor of a FIFO or pipe over to a pipe stream, whose reads wait in epoll/kqueue and so stop when
    /// cancelled; a file stream's read blocks a thread until data comes.
    /// </summary>
    private static AnonymousPipeClientStream AsPipe(FileStream file, string path)
    {
        var handle = file.SafeFileHandle;
        var pipeHandle = new SafePipeHandle(handle.DangerousGetHandle(), ownsHandle: true);
        handle.SetHandleAsInvalid(); // the pipe handle closes the descriptor now
        file.Dispose();
        try
        {
            return new AnonymousPipeClientStream(PipeDirection.In, pipeHandle);
        }
        catch (IOException e)
        {
            pipeHandle.Dispose();
            throw new IOException($"Cannot read '{path}': it is neither a file nor a pipe (a terminal?).", e);
        }
    }

    private static async ValueTask<InspectionInput> ReadToLimitAsync(Stream source, bool useAsync, CancellationToken cancellationToken)
    {
        var buffer = new byte[FirstBufferSize];
        var length = 0;
        while (length < ReadLimit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(ReadLimit, buffer.Length * 2L));
            }

            var free = buffer.AsMemory(length);
            var read = useAsync
                ? await source.ReadAsync(free, cancellationToken).ConfigureAwait(false)
                : ReadSynchronously(source, free);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var extent = length == ReadLimit ? StreamExtent.PipePrefix
            : source.CanSeek ? StreamExtent.File // a device or /proc file that ended: all of it was read, as from a file
            : StreamExtent.EntirePipe;
        return new InspectionInput(new MemoryStream(buffer, 0, length, writable: false), extent, isReadInPlace: false);
    }

    private static int ReadSynchronously(Stream source, Memory<byte> destination) => source is PipeStream
        // The pipe was opened without blocking, so a plain read fails while the writer is quiet; the asynchronous read waits.
        ? source.ReadAsync(destination).AsTask().GetAwaiter().GetResult()
        : source.Read(destination.Span);
}
