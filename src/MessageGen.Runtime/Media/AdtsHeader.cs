namespace MessageGen.Media;

/// <summary>
/// An ADTS frame header (ISO/IEC 14496-3 §1.A.2): the sync word <c>0xFFF</c>, layer 0, a valid sampling frequency and
/// a frame length; when the file goes on past the first frame, the second must start where that length says.
/// </summary>
internal static class AdtsHeader
{
    private const int HeaderLength = 7;
    private const int ReservedFrequencyIndex = 13;

    /// <summary>Whether the bytes start with the ADTS sync word and layer 0.</summary>
    public static bool HasSync(ReadOnlySpan<byte> bytes) => bytes is [0xFF, var b, ..] && (b & 0xF6) == 0xF0;

    /// <summary>Checks the frame at <paramref name="offset"/>, given its bytes and those after it.</summary>
    public static MediaFormat Read(ReadOnlySpan<byte> bytes, long offset)
    {
        var header = HeaderBytes.Require(bytes, offset, HeaderLength, "the ADTS frame header");
        var frequencyIndex = (header[2] >> 2) & 0xF;
        if (frequencyIndex >= ReservedFrequencyIndex)
        {
            throw new MalformedMediaException(offset + 2, $"the ADTS header's sampling frequency index is {frequencyIndex}, a reserved value");
        }

        var frameLength = ((header[3] & 0x3) << 11) | (header[4] << 3) | (header[5] >> 5);
        if (frameLength < HeaderLength)
        {
            throw new MalformedMediaException(offset + 3, $"the ADTS frame length is {frameLength}, shorter than its own header");
        }

        // A lone sync word can happen by chance in other data; a second frame where the first one ends cannot.
        if (bytes.Length >= frameLength + 2 && !HasSync(bytes[frameLength..]))
        {
            throw new MalformedMediaException(offset + frameLength,
                $"the second ADTS frame does not start where the first one ends (found {HeaderBytes.Hex(bytes.Slice(frameLength, 2))})");
        }

        return MediaFormat.Aac;
    }
}
