using System.Globalization;

namespace MessageGen.Media;

/// <summary>Bounds checks shared by the header parsers: a header cut off by the end of the file is malformed.</summary>
internal static class HeaderBytes
{
    /// <summary>
    /// The first <paramref name="count"/> bytes of <paramref name="bytes"/>, which were read at <paramref name="offset"/>;
    /// throws when the file ended before them.
    /// </summary>
    /// <param name="bytes">What was read.</param>
    /// <param name="offset">The file offset of the first byte.</param>
    /// <param name="count">How many bytes the header needs.</param>
    /// <param name="what">The header, for the message: "the PNG header".</param>
    public static ReadOnlySpan<byte> Require(ReadOnlySpan<byte> bytes, long offset, int count, string what) =>
        bytes.Length >= count
            ? bytes[..count]
            : throw new MalformedMediaException(offset + bytes.Length, $"the file ends inside {what}: it is truncated");

    /// <summary>Bytes for messages, in hexadecimal: <c>54 68 69 73</c>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
