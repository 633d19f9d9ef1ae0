using System.Buffers.Binary;

namespace MessageGen.Media;

/// <summary>The size of a GIF image, from its logical screen descriptor (GIF89a §18).</summary>
internal static class GifHeader
{
    // Signature and version (6), then logical screen width (2) and height (2), little-endian.
    private const int HeaderLength = 10;

    public static MediaFormat Read(ReadOnlySpan<byte> prefix)
    {
        var header = HeaderBytes.Require(prefix, 0, HeaderLength, "the GIF header");
        var width = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        return MediaFormat.Gif with { Width = width, Height = height };
    }
}
