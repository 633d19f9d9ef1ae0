using System.Buffers.Binary;
using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// The canvas size of a WebP image and whether it is animated, from the first chunk of its RIFF container
/// (RFC 9649): <c>VP8 </c> (lossy: the key frame header), <c>VP8L</c> (lossless: 14-bit sizes) or <c>VP8X</c>
/// (extended: the canvas size and the animation flag, set when <c>ANIM</c>/<c>ANMF</c> chunks follow).
/// </summary>
internal static class WebPHeader
{
    private const int RiffHeaderLength = 12; // 'RIFF', size (4, little-endian), 'WEBP'
    private const int ChunkStart = RiffHeaderLength;
    private const int PayloadStart = ChunkStart + 8;
    private const uint Vp8 = 0x56503820; // 'VP8 '
    private const uint Vp8L = 0x5650384C; // 'VP8L'
    private const uint Vp8X = 0x56503858; // 'VP8X'
    private const byte AnimationFlag = 0x02;
    private const byte LosslessSignature = 0x2F;

    public static MediaFormat Read(ReadOnlySpan<byte> prefix, long fileLength)
    {
        var header = HeaderBytes.Require(prefix, 0, PayloadStart, "the WebP header");
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (riffSize < 4 + 8)
        {
            throw new MalformedMediaException(4, $"the RIFF size is {riffSize}, too small for a WebP image");
        }

        if (riffSize + 8L > fileLength)
        {
            throw new MalformedMediaException(4, string.Create(CultureInfo.InvariantCulture,
                $"the RIFF header says the file has {riffSize + 8L:N0} bytes, but it has {fileLength:N0}: it is truncated"));
        }

        var type = BinaryPrimitives.ReadUInt32BigEndian(header[ChunkStart..]);
        var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(header[(ChunkStart + 4)..]);
        if (chunkSize > riffSize - 12)
        {
            throw new MalformedMediaException(ChunkStart + 4, string.Create(CultureInfo.InvariantCulture,
                $"chunk {BoxTypes.Describe(type)} claims {chunkSize:N0} bytes, more than the RIFF container holds"));
        }

        return type switch
        {
            Vp8 => ReadLossy(prefix),
            Vp8L => ReadLossless(prefix),
            Vp8X => ReadExtended(prefix),
            _ => throw new MalformedMediaException(ChunkStart,
                $"the first chunk is {BoxTypes.Describe(type)}, where a WebP image starts with 'VP8 ', 'VP8L' or 'VP8X'"),
        };
    }

    private static MediaFormat ReadLossy(ReadOnlySpan<byte> prefix)
    {
        // Frame tag (3, bit 0 clear on a key frame), start code 9D 01 2A, width and height (14 bits each, 2 bits of scale).
        var frame = HeaderBytes.Require(prefix[PayloadStart..], PayloadStart, 10, "the VP8 frame header");
        if ((frame[0] & 1) != 0)
        {
            throw new MalformedMediaException(PayloadStart, "the VP8 frame is not a key frame, so it has no size");
        }

        if (frame[3] != 0x9D || frame[4] != 0x01 || frame[5] != 0x2A)
        {
            throw new MalformedMediaException(PayloadStart + 3, $"the VP8 start code is {HeaderBytes.Hex(frame[3..6])}, where 9D 01 2A belongs");
        }

        var width = BinaryPrimitives.ReadUInt16LittleEndian(frame[6..]) & 0x3FFF;
        var height = BinaryPrimitives.ReadUInt16LittleEndian(frame[8..]) & 0x3FFF;
        if (width == 0 || height == 0)
        {
            throw new MalformedMediaException(PayloadStart + 6, $"the VP8 frame header gives a size of {width}x{height} pixels");
        }

        return MediaFormat.WebP with { Width = width, Height = height, Animated = false };
    }

    private static MediaFormat ReadLossless(ReadOnlySpan<byte> prefix)
    {
        // Signature 0x2F, then width - 1 (14 bits), height - 1 (14 bits), alpha (1), version (3), little-endian.
        var header = HeaderBytes.Require(prefix[PayloadStart..], PayloadStart, 5, "the VP8L header");
        if (header[0] != LosslessSignature)
        {
            throw new MalformedMediaException(PayloadStart, $"the VP8L signature is 0x{header[0]:X2}, where 0x2F belongs");
        }

        var bits = BinaryPrimitives.ReadUInt32LittleEndian(header[1..]);
        if (bits >> 29 != 0)
        {
            throw new MalformedMediaException(PayloadStart + 4, $"the VP8L version is {bits >> 29}, where only 0 exists");
        }

        return MediaFormat.WebP with { Width = (int)(bits & 0x3FFF) + 1, Height = (int)((bits >> 14) & 0x3FFF) + 1, Animated = false };
    }

    private static MediaFormat ReadExtended(ReadOnlySpan<byte> prefix)
    {
        // Flags (1), reserved (3), canvas width - 1 (3), canvas height - 1 (3), little-endian.
        var header = HeaderBytes.Require(prefix[PayloadStart..], PayloadStart, 10, "the VP8X header");
        var width = ReadUInt24LittleEndian(header[4..]) + 1;
        var height = ReadUInt24LittleEndian(header[7..]) + 1;
        return MediaFormat.WebP with { Width = width, Height = height, Animated = (header[0] & AnimationFlag) != 0 };
    }

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
