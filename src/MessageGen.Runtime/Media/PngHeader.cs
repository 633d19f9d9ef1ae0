using System.Buffers.Binary;

namespace MessageGen.Media;

/// <summary>The size of a PNG image, from its <c>IHDR</c> chunk, which must come first and pass its CRC (PNG §11.2.2).</summary>
internal static class PngHeader
{
    // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4), five 1-byte fields, CRC (4).
    private const int ChunkStart = 8;
    private const int DataLength = 13;
    private const int HeaderLength = ChunkStart + 8 + DataLength + 4;
    private const uint Ihdr = 0x49484452; // 'IHDR'

    public static MediaFormat Read(ReadOnlySpan<byte> prefix)
    {
        var header = HeaderBytes.Require(prefix, 0, HeaderLength, "the PNG header (IHDR chunk)");
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[ChunkStart..]);
        var type = BinaryPrimitives.ReadUInt32BigEndian(header[(ChunkStart + 4)..]);
        if (type != Ihdr)
        {
            throw new MalformedMediaException(ChunkStart + 4, $"the first chunk is {BoxTypes.Describe(type)}, where PNG requires 'IHDR'");
        }

        if (length != DataLength)
        {
            throw new MalformedMediaException(ChunkStart, $"the 'IHDR' chunk claims {length} bytes, where PNG requires {DataLength}");
        }

        var crcOffset = HeaderLength - 4;
        var stored = BinaryPrimitives.ReadUInt32BigEndian(header[crcOffset..]);
        var computed = Crc32.Compute(header[(ChunkStart + 4)..crcOffset]);
        if (stored != computed)
        {
            throw new MalformedMediaException(crcOffset,
                $"the 'IHDR' chunk's CRC is 0x{stored:X8} but its bytes give 0x{computed:X8}: the header is corrupt");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new MalformedMediaException(16, $"the 'IHDR' chunk gives a size of {width}x{height} pixels");
        }

        return MediaFormat.Png with { Width = (int)width, Height = (int)height };
    }
}
