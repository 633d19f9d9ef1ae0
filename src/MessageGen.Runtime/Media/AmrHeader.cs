namespace MessageGen.Media;

/// <summary>
/// An AMR or AMR-WB file (RFC 4867 §5): the magic line <c>#!AMR\n</c> or <c>#!AMR-WB\n</c>, then frames whose header
/// byte has zero padding bits and a frame type that is not reserved.
/// </summary>
internal static class AmrHeader
{
    private static readonly byte[] s_narrowbandMagic = "#!AMR\n"u8.ToArray();
    private static readonly byte[] s_widebandMagic = "#!AMR-WB\n"u8.ToArray();

    public static MediaFormat Read(ReadOnlySpan<byte> prefix)
    {
        var (format, magicLength) = prefix.StartsWith(s_narrowbandMagic) ? (MediaFormat.Amr, s_narrowbandMagic.Length)
            : prefix.StartsWith(s_widebandMagic) ? (MediaFormat.AmrWideband, s_widebandMagic.Length)
            : throw new MalformedMediaException(0, $"the file starts like AMR but its first line is not '#!AMR' or '#!AMR-WB' (found {HeaderBytes.Hex(prefix[..Math.Min(9, prefix.Length)])})");

        if (prefix.Length == magicLength)
        {
            throw new MalformedMediaException(magicLength, "the file ends after its AMR header: it has no audio frames");
        }

        // Frame header: P (1, zero), FT (4), Q (1), P (2, zero). Types 9-14 (AMR) and 10-13 (AMR-WB) are reserved.
        var frameHeader = prefix[magicLength];
        var frameType = (frameHeader >> 3) & 0xF;
        var reserved = format == MediaFormat.Amr ? frameType is >= 9 and <= 14 : frameType is >= 10 and <= 13;
        if ((frameHeader & 0x83) != 0 || reserved)
        {
            throw new MalformedMediaException(magicLength, $"the first frame header is 0x{frameHeader:X2}: its padding bits are set or its frame type {frameType} is reserved");
        }

        return format;
    }
}
