using System.Buffers.Binary;
using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// The size of a JPEG image, from its frame header (an SOFn marker segment, ITU-T T.81 B.2.2). The segments before it
/// (APPn with EXIF, ICC profiles and thumbnails, tables, comments) are skipped by their lengths, reading 4 bytes of each.
/// </summary>
internal static class JpegHeader
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>SOFn: length (2), sample precision (1), number of lines (2), samples per line (2), components (1).</summary>
    private const int FrameFields = 6;

    public static async ValueTask<MediaFormat> ReadAsync(HeaderReader reader)
    {
        long position = 2; // after the start-of-image marker
        while (true)
        {
            var segment = ReadMarker((await reader.ReadAsync(position, 4).ConfigureAwait(false)).Span, position, reader.Length);
            if (segment.IsStartOfFrame)
            {
                var fields = await reader.ReadAsync(position + 4, FrameFields).ConfigureAwait(false);
                return ReadFrame(fields.Span, position, segment.Code);
            }

            position = segment.Next;
        }
    }

    /// <summary>The marker at <paramref name="position"/>: a frame header, or where the next marker starts.</summary>
    private static (byte Code, bool IsStartOfFrame, long Next) ReadMarker(ReadOnlySpan<byte> bytes, long position, long fileLength)
    {
        var header = HeaderBytes.Require(bytes, position, 2, "a JPEG marker before the frame header (SOFn) that gives the image size");
        if (header[0] != MarkerPrefix)
        {
            throw new MalformedMediaException(position, $"expected a JPEG marker (0xFF), found 0x{header[0]:X2}");
        }

        var code = header[1];
        switch (code)
        {
            case MarkerPrefix:
                return (code, false, position + 1); // a fill byte before the marker
            case 0x01 or >= 0xD0 and <= 0xD7:
                return (code, false, position + 2); // markers without a length
            case StartOfImage or EndOfImage or StartOfScan:
                throw new MalformedMediaException(position,
                    $"marker 0xFF{code:X2} comes before any frame header (SOFn), so the image size is unknown");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(
            HeaderBytes.Require(bytes, position, 4, $"the length of JPEG segment 0xFF{code:X2}")[2..]);
        if (length < 2)
        {
            throw new MalformedMediaException(position + 2, $"JPEG segment 0xFF{code:X2} has length {length}, less than its own 2-byte length field");
        }

        var next = position + 2 + length;
        if (next > fileLength)
        {
            throw new MalformedMediaException(position, string.Create(CultureInfo.InvariantCulture,
                $"JPEG segment 0xFF{code:X2} claims {length} bytes, past the end of the file: it is truncated"));
        }

        return IsStartOfFrame(code) && length < 2 + FrameFields
            ? throw new MalformedMediaException(position + 2, $"the frame header 0xFF{code:X2} has length {length}, too short for the image size")
            : (code, IsStartOfFrame(code), next);
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsStartOfFrame(byte code) => code is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static MediaFormat ReadFrame(ReadOnlySpan<byte> bytes, long segmentPosition, byte code)
    {
        var fields = HeaderBytes.Require(bytes, segmentPosition + 4, FrameFields, $"the JPEG frame header 0xFF{code:X2}");
        var height = BinaryPrimitives.ReadUInt16BigEndian(fields[1..]);
        var width = BinaryPrimitives.ReadUInt16BigEndian(fields[3..]);
        if (width == 0 || height == 0)
        {
            throw new MalformedMediaException(segmentPosition + 5, $"the frame header gives a size of {width}x{height} pixels");
        }

        return MediaFormat.Jpeg with { Width = width, Height = height };
    }
}
