using System.Buffers.Binary;

namespace MessageGen.Media;

/// <summary>The formats the inspector tells apart by their first bytes ("magic numbers"), before reading any header.</summary>
internal enum Signature
{
    /// <summary>No format the inspector knows.</summary>
    Unknown,

    /// <summary><c>FF D8 FF</c>.</summary>
    Jpeg,

    /// <summary><c>89 'PNG' 0D 0A 1A 0A</c>.</summary>
    Png,

    /// <summary><c>GIF87a</c> or <c>GIF89a</c>.</summary>
    Gif,

    /// <summary><c>RIFF</c>, a size, <c>WEBP</c>.</summary>
    WebP,

    /// <summary>An ADTS frame: sync word <c>0xFFF</c> with layer 0.</summary>
    Adts,

    /// <summary>An MPEG audio frame (sync <c>0x7FF</c>, a layer other than 0), or an ID3v2 tag in front of one.</summary>
    MpegAudio,

    /// <summary><c>#!AMR</c> followed by a line feed or <c>-WB</c> and a line feed.</summary>
    Amr,

    /// <summary><c>OggS</c>.</summary>
    Ogg,

    /// <summary><c>%PDF-</c>.</summary>
    Pdf,

    /// <summary><c>PK 03 04</c>: a ZIP archive, the container of Office and OpenDocument files too.</summary>
    Zip,

    /// <summary>An ISO base media file (MP4, 3GP, MOV, M4A): a box such as <c>ftyp</c> at the start.</summary>
    IsoMedia,
}

/// <summary>Identifies a <see cref="Signature"/> from the first bytes of a file.</summary>
internal static class Signatures
{
    public static Signature Identify(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => Signature.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Signature.Png,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Signature.Gif,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => Signature.WebP,
        [0xFF, var b, ..] when (b & 0xF6) == 0xF0 => Signature.Adts,
        [0xFF, var b, ..] when (b & 0xE0) == 0xE0 && (b & 0x06) != 0 => Signature.MpegAudio,
        [(byte)'I', (byte)'D', (byte)'3', ..] => Signature.MpegAudio,
        [(byte)'#', (byte)'!', (byte)'A', (byte)'M', (byte)'R', (byte)'\n' or (byte)'-', ..] => Signature.Amr,
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => Signature.Ogg,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => Signature.Pdf,
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => Signature.Zip,
        [_, _, _, _, _, _, _, _, ..] when FileScan.IsFirstBoxType(BinaryPrimitives.ReadUInt32BigEndian(head[4..])) => Signature.IsoMedia,
        _ => Signature.Unknown,
    };

    /// <summary>
    /// The message type a file with this signature is, before its header is read: an MP4 file may still turn out to
    /// hold audio only (M4A), and an ID3 tag may precede AAC rather than MP3, but the kind's size limit is the same.
    /// </summary>
    public static MediaKind? KindOf(Signature signature) => signature switch
    {
        Signature.Jpeg or Signature.Png or Signature.Gif => MediaKind.Image,
        Signature.WebP => MediaKind.Sticker,
        Signature.Adts or Signature.MpegAudio or Signature.Amr or Signature.Ogg => MediaKind.Audio,
        Signature.Pdf or Signature.Zip => MediaKind.Document,
        Signature.IsoMedia => MediaKind.Video,
        _ => null,
    };
}
