using System.Text;

namespace MessageGen.Media;

/// <summary>Four-character box types as big-endian integers, the way they are stored.</summary>
internal static class BoxTypes
{
    public const uint Ftyp = 0x66747970; // 'ftyp'
    public const uint Moov = 0x6D6F6F76; // 'moov'
    public const uint Mdat = 0x6D646174; // 'mdat'
    public const uint Moof = 0x6D6F6F66; // 'moof'
    public const uint Free = 0x66726565; // 'free'
    public const uint Skip = 0x736B6970; // 'skip'
    public const uint Wide = 0x77696465; // 'wide'
    public const uint Pnot = 0x706E6F74; // 'pnot'
    public const uint Uuid = 0x75756964; // 'uuid'
    public const uint Trak = 0x7472616B; // 'trak'
    public const uint Tkhd = 0x746B6864; // 'tkhd'
    public const uint Mdia = 0x6D646961; // 'mdia'
    public const uint Hdlr = 0x68646C72; // 'hdlr'
    public const uint Minf = 0x6D696E66; // 'minf'
    public const uint Stbl = 0x7374626C; // 'stbl'
    public const uint Stsd = 0x73747364; // 'stsd'
    public const uint Ctts = 0x63747473; // 'ctts'
    public const uint Traf = 0x74726166; // 'traf'
    public const uint Tfhd = 0x74666864; // 'tfhd'
    public const uint Trun = 0x7472756E; // 'trun'
    public const uint AvcC = 0x61766343; // 'avcC'
    public const uint Esds = 0x65736473; // 'esds'
    public const uint Wave = 0x77617665; // 'wave'
    public const uint Sinf = 0x73696E66; // 'sinf'
    public const uint Frma = 0x66726D61; // 'frma'
    public const uint Encv = 0x656E6376; // 'encv'
    public const uint Enca = 0x656E6361; // 'enca'

    /// <summary>The type as text, as ffprobe prints codec tags: <c>avc1</c>, <c>qt  </c>.</summary>
    public static string ToText(uint type) => Encoding.Latin1.GetString(
    [
        (byte)(type >> 24), (byte)(type >> 16), (byte)(type >> 8), (byte)type,
    ]);

    /// <summary>The type for messages: quoted text when printable, hexadecimal otherwise.</summary>
    public static string Describe(uint type) => IsPrintable(type) ? $"'{ToText(type)}'" : $"0x{type:X8}";

    /// <summary>Whether all four bytes are printable ASCII, as every top-level box type is.</summary>
    public static bool IsPrintable(uint type)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            var b = (byte)(type >> shift);
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
