using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace MessageGen.Media;

/// <summary>
/// The bytes of the file at a path, as the inspectors read them. A regular file is read in place, header by header.
/// A pipe, FIFO or device has no length to seek within (a FIFO cannot seek; <c>/dev/zero</c> and <c>/proc</c> files
/// say 0 bytes), so it is read instead: to its end or to one byte past the size limit of what it carries, whichever
/// comes first. That is enough to judge any file WhatsApp accepts, and puts an end to endless ones. At most
/// <see cref="MaxKeptBytes"/> are kept in memory; the rest is only counted.
/// </summary>
internal sealed class InspectionInput : IDisposable
{
    /// <summary>The bytes of a pipe kept in memory: all of a video up to its limit, and one byte more.</summary>
    public const long MaxKeptBytes = VideoFileInspector.MaxCompatibleFileSize + 1;

    /// <summary>The first bytes of a pipe, from which the size limit is chosen.</summary>
    private const int FirstBufferSize = 64 * 1024;

    private InspectionInput(Stream stream, long size, StreamExtent extent, bool isReadInPlace)
    {
        Stream = stream;
        Size = size;
        Extent = extent;
        IsReadInPlace = isReadInPlace;
    }

    /// <summary>A seekable stream of the file, or of the bytes kept from a pipe or device.</summary>
    public Stream Stream { get; }

    /// <summary>The size of the file; of a pipe or device, the bytes read (one more than the limit when it carried more).</summary>
    public long Size { get; }

    /// <summary>How much of the file <see cref="Stream"/> holds.</summary>
    public StreamExtent Extent { get; }

    /// <summary>Whether this is a file read where it lies; otherwise a pipe or device, read into memory.</summary>
    public bool IsReadInPlace { get; }

    /// <summary>Opens <paramref name="path"/> for a video inspection: a pipe or device is read up to the video size limit.</summary>
    public static ValueTask<InspectionInput> OpenAsync(string path, bool useAsync, CancellationToken cancellationToken) =>
        OpenAsync(path, _ => VideoFileInspector.MaxCompatibleFileSize, useAsync, cancellationToken);

    /// <summary>
    /// Opens <paramref name="path"/>; a pipe or device is read here, to one byte past the limit that
    /// <paramref name="sizeLimitFor"/> chooses from its first bytes, and the wait for its data honours the token.
    /// </summary>
    public static async ValueTask<InspectionInput> OpenAsync(
        string path, Func<ReadOnlyMemory<byte>, long> sizeLimitFor, bool useAsync, CancellationToken cancellationToken)
    {
        var file = FileOpener.OpenForReading(path, useAsync);
        if (file.CanSeek && file.Length > 0)
        {
            return new InspectionInput(file, file.Length, StreamExtent.File, isReadInPlace: true);
        }

        using Stream source = file.CanSeek || OperatingSystem.IsWindows() ? file : AsPipe(file, path);
        return await ReadToLimitAsync(source, sizeLimitFor, useAsync, cancellationToken).ConfigureAwait(false);
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

    private static async ValueTask<InspectionInput> ReadToLimitAsync(
        Stream source, Func<ReadOnlyMemory<byte>, long> sizeLimitFor, bool useAsync, CancellationToken cancellationToken)
    {
        var buffer = new byte[FirstBufferSize];
        var kept = 0;
        while (kept < buffer.Length && await ReadAsync(source, buffer.AsMemory(kept), useAsync, cancellationToken).ConfigureAwait(false) is > 0 and var read)
        {
            kept += read;
        }

        var readLimit = sizeLimitFor(buffer.AsMemory(0, kept)) + 1;
        var keepLimit = Math.Min(readLimit, MaxKeptBytes);
        long size = kept;
        var ended = kept < buffer.Length;
        var counted = Array.Empty<byte>();
        while (!ended && size < readLimit)
        {
            Memory<byte> free;
            if (size < keepLimit)
            {
                if (kept == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(keepLimit, buffer.Length * 2L));
                }

                free = buffer.AsMemory(kept);
            }
            else
            {
                // Past what is kept, bytes are only counted, so that a long document costs no memory.
                counted = counted.Length > 0 ? counted : new byte[FirstBufferSize];
                free = counted.AsMemory(0, (int)Math.Min(counted.Length, readLimit - size));
            }

            var read = await ReadAsync(source, free, useAsync, cancellationToken).ConfigureAwait(false);
            ended = read == 0;
            size += read;
            kept = (int)Math.Min(size, keepLimit);
        }

        var extent = size == readLimit || kept < size ? StreamExtent.PipePrefix
            : source.CanSeek ? StreamExtent.File // a device or /proc file that ended: all of it was read, as from a file
            : StreamExtent.EntirePipe;
        return new InspectionInput(new MemoryStream(buffer, 0, kept, writable: false), size, extent, isReadInPlace: false);
    }

    private static ValueTask<int> ReadAsync(Stream source, Memory<byte> destination, bool useAsync, CancellationToken cancellationToken) =>
        useAsync ? source.ReadAsync(destination, cancellationToken) : ValueTask.FromResult(ReadSynchronously(source, destination));

    private static int ReadSynchronously(Stream source, Memory<byte> destination) => source is PipeStream
        // The pipe was opened without blocking, so a plain read fails while the writer is quiet; the asynchronous read waits.
        ? source.ReadAsync(destination).AsTask().GetAwaiter().GetResult()
        : source.Read(destination.Span);
}
