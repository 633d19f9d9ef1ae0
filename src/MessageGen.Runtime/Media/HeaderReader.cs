using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// Reads the header bytes of a file for the format parsers: the first <see cref="PrefixSize"/> bytes at once, then
/// whatever a parser asks for further on (the next JPEG segment header, the frame after an ID3 tag), all of it
/// counted against <see cref="MediaFileInspector.MaxHeaderBytes"/> so that no file makes the inspector read more.
/// </summary>
internal sealed class HeaderReader
{
    /// <summary>Enough for every header but a JPEG's segments and an MP3's ID3 tag: one page of the file.</summary>
    public const int PrefixSize = 4 * 1024;

    private readonly Stream _stream;
    private readonly long _origin;
    private readonly bool _useAsync;
    private readonly CancellationToken _cancellationToken;
    private int _bytesRead;

    private HeaderReader(Stream stream, bool useAsync, CancellationToken cancellationToken)
    {
        _stream = stream;
        _origin = stream.Position;
        Length = Math.Max(0, stream.Length - _origin);
        _useAsync = useAsync;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The bytes there are to read: the file, or what was kept of a pipe.</summary>
    public long Length { get; }

    /// <summary>The first bytes of the file: all of it when it is shorter than <see cref="PrefixSize"/>.</summary>
    public ReadOnlyMemory<byte> Prefix { get; private set; }

    /// <summary>Reads the prefix of the file from the stream's position.</summary>
    public static async ValueTask<HeaderReader> OpenAsync(Stream stream, bool useAsync, CancellationToken cancellationToken)
    {
        var reader = new HeaderReader(stream, useAsync, cancellationToken);
        reader.Prefix = await reader.ReadFromStreamAsync(0, (int)Math.Min(PrefixSize, reader.Length)).ConfigureAwait(false);
        return reader;
    }

    /// <summary>Up to <paramref name="count"/> bytes at <paramref name="offset"/>: fewer where the file ends.</summary>
    /// <exception cref="MalformedMediaException">Reading them would pass <see cref="MediaFileInspector.MaxHeaderBytes"/>.</exception>
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var available = (int)Math.Clamp(Length - offset, 0, count);
        return offset + available <= Prefix.Length
            ? Prefix.Slice((int)offset, available)
            : await ReadFromStreamAsync(offset, available).ConfigureAwait(false);
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadFromStreamAsync(long offset, int count)
    {
        if (count > MediaFileInspector.MaxHeaderBytes - _bytesRead)
        {
            throw new MalformedMediaException(offset, string.Create(CultureInfo.InvariantCulture,
                $"the headers go on past the {MediaFileInspector.MaxHeaderBytes:N0} bytes the inspector reads of a file"));
        }

        _bytesRead += count;
        var bytes = new byte[count];
        await StreamReading.ReadExactlyAtAsync(_stream, _origin, offset, bytes, _useAsync, _cancellationToken).ConfigureAwait(false);
        return bytes;
    }
}
