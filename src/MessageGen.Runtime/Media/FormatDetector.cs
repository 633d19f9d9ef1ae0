namespace MessageGen.Media;

/// <summary>
/// Tells a file's format from its own bytes, never from its name: the signature picks the header parser, whose facts
/// (or the damage it found) describe the file. MP4-family files are left to the video inspector (<see cref="Signature.IsoMedia"/>).
/// </summary>
internal static class FormatDetector
{
    public static async ValueTask<MediaFormat> DetectAsync(HeaderReader reader, Signature signature)
    {
        var prefix = reader.Prefix;
        var known = KnownFormat(signature);
        try
        {
            return signature switch
            {
                Signature.Jpeg => await JpegHeader.ReadAsync(reader).ConfigureAwait(false),
                Signature.Png => PngHeader.Read(prefix.Span),
                Signature.Gif => GifHeader.Read(prefix.Span),
                Signature.WebP => WebPHeader.Read(prefix.Span, reader.Length),
                Signature.Adts => AdtsHeader.Read(prefix.Span, 0),
                Signature.MpegAudio => await MpegAudioHeader.ReadAsync(reader).ConfigureAwait(false),
                Signature.Amr => AmrHeader.Read(prefix.Span),
                Signature.Ogg => OggHeader.Read(prefix.Span),
                Signature.Zip => ZipDocumentHeader.Read(prefix.Span),
                Signature.Unknown => Unrecognised(prefix.Span),
                _ => known,
            };
        }
        catch (MalformedMediaException damage)
        {
            return known.Damaged(damage);
        }
    }

    /// <summary>The format a signature announces, before its header is read.</summary>
    private static MediaFormat KnownFormat(Signature signature) => signature switch
    {
        Signature.Jpeg => MediaFormat.Jpeg,
        Signature.Png => MediaFormat.Png,
        Signature.Gif => MediaFormat.Gif,
        Signature.WebP => MediaFormat.WebP,
        Signature.Adts => MediaFormat.Aac,
        Signature.MpegAudio => MediaFormat.Mp3,
        Signature.Amr => MediaFormat.Amr,
        Signature.Ogg => MediaFormat.Ogg,
        Signature.Pdf => MediaFormat.Pdf,
        Signature.Zip => MediaFormat.Zip,
        _ => MediaFormat.Unknown,
    };

    /// <summary>Bytes no format claims, with what they start with for the message.</summary>
    private static MediaFormat Unrecognised(ReadOnlySpan<byte> prefix) => MediaFormat.Unknown.Damaged(new MalformedMediaException(0,
        $"it starts with {HeaderBytes.Hex(prefix[..Math.Min(8, prefix.Length)])}, which matches no format the inspector knows"));
}
