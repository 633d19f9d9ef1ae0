using System.Globalization;

namespace MessageGen.Media;

/// <summary>
/// MPEG audio (MP3, and the MP2 and MP1 it is confused with): ID3v2 tags, skipped by their sizes, then the first frame
/// header (ISO/IEC 11172-3 §2.4.2.3) with its version, layer, bitrate and sampling rate. An ID3 tag in front of an
/// ADTS frame makes the file AAC.
/// </summary>
internal static class MpegAudioHeader
{
    private const int Id3HeaderLength = 10;
    private const int Id3FooterLength = 10;
    private const byte Id3FooterPresent = 0x10;
    private const int FrameHeaderLength = 4;

    public static async ValueTask<MediaFormat> ReadAsync(HeaderReader reader)
    {
        long position = 0;
        while (true)
        {
            // Within the prefix, whatever of it is left; past it (after a tag with cover art), one more read.
            var bytes = position + Id3HeaderLength <= reader.Prefix.Length
                ? reader.Prefix[(int)position..]
                : await reader.ReadAsync(position, HeaderReader.PrefixSize).ConfigureAwait(false);
            if (ReadId3Tag(bytes.Span, position, reader.Length) is not { } tagEnd)
            {
                return ReadFrame(bytes.Span, position);
            }

            position = tagEnd;
        }
    }

    /// <summary>Where the ID3v2 tag at <paramref name="position"/> ends; <see langword="null"/> when there is none.</summary>
    private static long? ReadId3Tag(ReadOnlySpan<byte> bytes, long position, long fileLength)
    {
        if (bytes is not [(byte)'I', (byte)'D', (byte)'3', ..])
        {
            return null;
        }

        var header = HeaderBytes.Require(bytes, position, Id3HeaderLength, "the ID3 tag header");
        var size = 0;
        for (var i = 6; i < Id3HeaderLength; i++)
        {
            if (header[i] >= 0x80)
            {
                throw new MalformedMediaException(position + i, $"the ID3 tag size has byte 0x{header[i]:X2}, where each byte is below 0x80");
            }

            size = (size << 7) | header[i];
        }

        var end = position + Id3HeaderLength + size + ((header[5] & Id3FooterPresent) != 0 ? Id3FooterLength : 0);
        return end <= fileLength
            ? end
            : throw new MalformedMediaException(position, string.Create(CultureInfo.InvariantCulture,
                $"the ID3 tag claims {end - position:N0} bytes, past the end of the file: it is truncated"));
    }

    private static MediaFormat ReadFrame(ReadOnlySpan<byte> bytes, long position)
    {
        if (bytes.IsEmpty)
        {
            throw new MalformedMediaException(position, "the file ends after its ID3 tag: it has no audio frames");
        }

        if (AdtsHeader.HasSync(bytes))
        {
            return AdtsHeader.Read(bytes, position);
        }

        var header = HeaderBytes.Require(bytes, position, FrameHeaderLength, "the MPEG audio frame header");
        if (header[0] != 0xFF || (header[1] & 0xE0) != 0xE0)
        {
            throw new MalformedMediaException(position, string.Create(CultureInfo.InvariantCulture,
                $"expected an MPEG audio frame (sync bits FF E0), found {HeaderBytes.Hex(header)}"));
        }

        var version = (header[1] >> 3) & 0x3;
        var layer = (header[1] >> 1) & 0x3;
        var bitrateIndex = header[2] >> 4;
        var rateIndex = (header[2] >> 2) & 0x3;
        var reserved = version == 1 ? "MPEG version 01"
            : layer == 0 ? "layer 00"
            : bitrateIndex == 0xF ? "bitrate index 15"
            : rateIndex == 3 ? "sampling rate index 3"
            : null;
        if (reserved is not null)
        {
            throw new MalformedMediaException(position + 1, $"the MPEG audio frame header has {reserved}, a reserved value");
        }

        return layer switch
        {
            1 => MediaFormat.Mp3,
            2 => MediaFormat.Mp2,
            _ => MediaFormat.Mp1,
        };
    }
}
