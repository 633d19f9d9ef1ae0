namespace MessageGen.Media;

/// <summary>
/// The codec of an OGG file, from the first packet of its first page (RFC 3533 §6): <c>OpusHead</c> for Opus
/// (RFC 7845 §5.1), <c>\x01vorbis</c> for Vorbis, and so on.
/// </summary>
internal static class OggHeader
{
    // Page header: 'OggS', version (1), header type (1), granule position (8), serial (4), sequence (4), CRC (4), segment count (1).
    private const int PageHeaderLength = 27;
    private const byte BeginningOfStream = 0x02;
    private const int LongestCodecMagic = 8;

    private static readonly (byte[] Magic, string Codec)[] s_codecs =
    [
        ("OpusHead"u8.ToArray(), "opus"),
        ("\u0001vorbis"u8.ToArray(), "vorbis"),
        ("\u007FFLAC"u8.ToArray(), "flac"),
        ("Speex   "u8.ToArray(), "speex"),
        ([0x80, .. "theora"u8], "theora"),
    ];

    public static MediaFormat Read(ReadOnlySpan<byte> prefix)
    {
        var page = HeaderBytes.Require(prefix, 0, PageHeaderLength, "the first OGG page header");
        if (page[4] != 0)
        {
            throw new MalformedMediaException(4, $"the OGG page version is {page[4]}, where only 0 exists");
        }

        if ((page[5] & BeginningOfStream) == 0)
        {
            throw new MalformedMediaException(5, "the first OGG page is not marked as the beginning of a stream");
        }

        var segments = page[26];
        var lacing = HeaderBytes.Require(prefix[PageHeaderLength..], PageHeaderLength, segments, "the first OGG page's segment table");
        var packetStart = PageHeaderLength + segments;
        var firstPacketLength = 0;
        foreach (var value in lacing)
        {
            firstPacketLength += value;
            if (value < 255)
            {
                break;
            }
        }

        var packet = HeaderBytes.Require(prefix[packetStart..], packetStart, Math.Min(firstPacketLength, LongestCodecMagic), "the first OGG packet");
        return MediaFormat.Ogg with { AudioCodecs = [CodecOf(packet)] };
    }

    private static string CodecOf(ReadOnlySpan<byte> packet)
    {
        foreach (var (magic, codec) in s_codecs)
        {
            if (packet.StartsWith(magic))
            {
                return codec;
            }
        }

        return "unknown";
    }
}
