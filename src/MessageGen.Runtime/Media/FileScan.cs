using System.Buffers.Binary;
using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// Walks the top-level boxes of a file through a seekable stream: reads box headers, reads <c>ftyp</c>, <c>moov</c>
/// and the first <c>moof</c> boxes whole, and seeks over everything else, so that the media data is never read.
/// Of a pipe or device read only up to the size limit (<see cref="StreamExtent.PipePrefix"/>), it walks what was read.
/// </summary>
internal sealed class FileScan
{
    /// <summary>Brands only need the start of <c>ftyp</c>; a longer one is read no further.</summary>
    private const int MaxBrandBytes = 1024;

    /// <summary>B-frames show in the first fragments; reading a few bounds the work on long fragmented files.</summary>
    private const int MaxFragmentsParsed = 4;

    private const int MaxFragmentSize = 1024 * 1024;

    private static readonly HashSet<uint> s_firstBoxTypes =
    [
        // Old QuickTime files have no ftyp and start with one of the others.
        BoxTypes.Ftyp, BoxTypes.Moov, BoxTypes.Mdat, BoxTypes.Free, BoxTypes.Skip, BoxTypes.Wide, BoxTypes.Pnot, BoxTypes.Uuid,
    ];

    private readonly Stream _stream;
    private readonly long _origin;
    private readonly int _maxMoovSize;
    private readonly ParseBudget _budget;
    private readonly bool _useAsync;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _header = new byte[16];
    private int _fragmentsParsed;

    public FileScan(Stream stream, StreamExtent extent, int maxMoovSize, bool useAsync, CancellationToken cancellationToken)
    {
        _stream = stream;
        _origin = stream.Position;
        Size = Math.Max(0, stream.Length - _origin);
        Extent = extent;
        _maxMoovSize = maxMoovSize;
        _useAsync = useAsync;
        _cancellationToken = cancellationToken;
        _budget = new ParseBudget(cancellationToken);
    }

    /// <summary>The bytes from the stream's position to its end: for a <see cref="StreamExtent.PipePrefix"/>, the bytes read.</summary>
    public long Size { get; }

    public StreamExtent Extent { get; }

    /// <summary>Whether the first box is something other than <c>ftyp</c>, as in QuickTime files from before <c>ftyp</c> existed.</summary>
    public bool StartsWithoutFtyp { get; private set; }

    public string? MajorBrand { get; private set; }

    public List<string> CompatibleBrands { get; } = [];

    public long? MoovOffset { get; private set; }

    public long? FirstMdatOffset { get; private set; }

    public bool IsFragmented { get; private set; }

    public List<TrackFacts> Tracks { get; private set; } = [];

    public bool MoovBeforeMdat => MoovOffset is { } moov && (FirstMdatOffset is not { } mdat || moov < mdat);

    public VideoContainer Container => ContainerDetector.Detect(MajorBrand, CompatibleBrands, StartsWithoutFtyp);

    /// <summary>Whether a file may start with a box of this type: what tells an MP4, 3GP or MOV file from other formats.</summary>
    public static bool IsFirstBoxType(uint type) => s_firstBoxTypes.Contains(type);

    /// <summary>Reads the file; throws <see cref="MalformedMediaException"/> at the first thing that is not well formed.</summary>
    public async ValueTask RunAsync()
    {
        if (Size == 0)
        {
            throw new MalformedMediaException(0, Extent == StreamExtent.EntirePipe
                ? "the file is empty: it is a pipe that gave no bytes, as a FIFO does when no process is writing to it"
                : "the file is empty");
        }

        long position = 0;
        while (position < Size)
        {
            _budget.CountBox(position);
            if (await ReadTopLevelHeaderAsync(position).ConfigureAwait(false) is not { } box)
            {
                break; // the box runs past the bytes read from a pipe or device
            }

            if (position == 0)
            {
                StartsWithoutFtyp = box.Type != BoxTypes.Ftyp;
            }

            switch (box.Type)
            {
                case BoxTypes.Ftyp when MajorBrand is null:
                    ReadBrands(await ReadPayloadAsync(box, MaxBrandBytes).ConfigureAwait(false), box);
                    break;
                case BoxTypes.Moov:
                    await ReadMovieAsync(box).ConfigureAwait(false);
                    break;
                case BoxTypes.Mdat:
                    FirstMdatOffset ??= box.Start;
                    break;
                case BoxTypes.Moof:
                    IsFragmented = true;
                    await ReadFragmentAsync(box).ConfigureAwait(false);
                    break;
            }

            position = box.End;
        }

        if (MoovOffset is null)
        {
            throw new MalformedMediaException(position, Extent == StreamExtent.PipePrefix
                ? string.Create(CultureInfo.InvariantCulture,
                    $"there is no 'moov' box in the first {Size:N0} bytes, and a pipe or device is read no further than that")
                : "there is no 'moov' box, so nothing describes the tracks (a recording cut off before it finished writing looks like this)");
        }
    }

    /// <summary>The header of the top-level box at <paramref name="position"/>; <see langword="null"/> when the box runs past the bytes read from a pipe or device.</summary>
    private async ValueTask<Box?> ReadTopLevelHeaderAsync(long position)
    {
        var remaining = Size - position;
        if (remaining < 8)
        {
            return RunsPastTheEnd(position, $"the last {remaining} bytes are too few for a box header: the file is truncated or has trailing bytes");
        }

        await ReadAtAsync(position, _header.AsMemory(0, 8)).ConfigureAwait(false);
        long size = BinaryPrimitives.ReadUInt32BigEndian(_header);
        var type = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        if (position == 0 && !IsFirstBoxType(type))
        {
            throw new MalformedMediaException(0,
                $"this is not an MP4, 3GP or MOV file: it starts with {BoxTypes.Describe(type)} where an 'ftyp' box belongs");
        }

        if (!BoxTypes.IsPrintable(type))
        {
            throw new MalformedMediaException(position, $"expected a box header, found type bytes {BoxTypes.Describe(type)}");
        }

        var headerSize = 8;
        if (size == 1)
        {
            if (remaining < 16)
            {
                return RunsPastTheEnd(position, $"box {BoxTypes.Describe(type)} has a 64-bit size but the file ends inside it");
            }

            await ReadAtAsync(position + 8, _header.AsMemory(8, 8)).ConfigureAwait(false);
            var largeSize = BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(8));
            size = largeSize > long.MaxValue ? long.MaxValue : (long)largeSize;
            headerSize = 16;
        }
        else if (size == 0)
        {
            if (Extent == StreamExtent.PipePrefix)
            {
                return null; // the last box, running to an end that was not read
            }

            size = remaining; // the last box, running to the end of the file
        }

        if (type == BoxTypes.Uuid)
        {
            headerSize += 16;
        }

        if (size < headerSize)
        {
            throw new MalformedMediaException(position, $"box {BoxTypes.Describe(type)} has size {size}, smaller than its {headerSize}-byte header");
        }

        if (size > remaining)
        {
            return RunsPastTheEnd(position,
                $"box {BoxTypes.Describe(type)} claims {size} bytes but the file has only {remaining} bytes from there: it is truncated or corrupt");
        }

        return new Box(type, position, headerSize, size);
    }

    /// <summary>A box running past the end of the bytes: where reading stopped in a long pipe or device; in a file, damage.</summary>
    private Box? RunsPastTheEnd(long position, string reason) =>
        Extent == StreamExtent.PipePrefix ? null : throw new MalformedMediaException(position, reason);

    private void ReadBrands(byte[] payload, Box ftyp)
    {
        // ftyp: major_brand (4), minor_version (4), compatible_brands (4 each).
        if (payload.Length < 8)
        {
            throw new MalformedMediaException(ftyp.Start, $"the 'ftyp' box ({ftyp.Size} bytes) is too small for a major brand and version");
        }

        MajorBrand = BoxTypes.ToText(BinaryPrimitives.ReadUInt32BigEndian(payload));
        for (var i = 8; i + 4 <= payload.Length; i += 4)
        {
            CompatibleBrands.Add(BoxTypes.ToText(BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(i))));
        }
    }

    private async ValueTask ReadMovieAsync(Box moov)
    {
        if (MoovOffset is not null)
        {
            throw new MalformedMediaException(moov.Start, "a second 'moov' box: only one may describe the tracks");
        }

        if (moov.Size > _maxMoovSize)
        {
            throw new MalformedMediaException(moov.Start,
                $"the 'moov' box is {moov.Size} bytes, more than the {_maxMoovSize} bytes the inspector reads");
        }

        MoovOffset = moov.Start;
        var buffer = new BoxBuffer(await ReadBoxAsync(moov).ConfigureAwait(false), moov, _budget);
        Tracks = MovieParser.ParseMovie(buffer, Container == VideoContainer.QuickTime);
    }

    private async ValueTask ReadFragmentAsync(Box moof)
    {
        // A fragment before the movie box has no tracks to describe; huge ones are not worth reading for a hint.
        if (MoovOffset is null || _fragmentsParsed >= MaxFragmentsParsed || moof.Size > MaxFragmentSize)
        {
            return;
        }

        _fragmentsParsed++;
        MovieParser.ParseFragment(new BoxBuffer(await ReadBoxAsync(moof).ConfigureAwait(false), moof, _budget), Tracks);
    }

    private async ValueTask<byte[]> ReadBoxAsync(Box box)
    {
        var bytes = new byte[box.Size];
        await ReadAtAsync(box.Start, bytes).ConfigureAwait(false);
        return bytes;
    }

    private async ValueTask<byte[]> ReadPayloadAsync(Box box, int maxBytes)
    {
        var bytes = new byte[Math.Min(box.Size - box.HeaderSize, maxBytes)];
        await ReadAtAsync(box.PayloadStart, bytes).ConfigureAwait(false);
        return bytes;
    }

    private ValueTask ReadAtAsync(long position, Memory<byte> destination) =>
        StreamReading.ReadExactlyAtAsync(_stream, _origin, position, destination, _useAsync, _cancellationToken);
}
