using MessageGen.Media;

namespace MessageGen;

/// <summary>
/// The MIME type of a file told from its name, for uploads whose compatibility check is skipped (which read nothing first);
/// the inspector's <see cref="MediaFormat"/>s give the types of the formats it knows.
/// </summary>
internal static class MediaMimeTypes
{
    private static readonly Dictionary<string, string> s_byExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = MediaFormat.Jpeg.MimeType,
        [".jpeg"] = MediaFormat.Jpeg.MimeType,
        [".png"] = MediaFormat.Png.MimeType,
        [".webp"] = MediaFormat.WebP.MimeType,
        [".aac"] = MediaFormat.Aac.MimeType,
        [".amr"] = MediaFormat.Amr.MimeType,
        [".mp3"] = MediaFormat.Mp3.MimeType,
        [".m4a"] = MediaFormat.M4a.MimeType,
        [".ogg"] = MediaFormat.Ogg.MimeType,
        [".opus"] = MediaFormat.Ogg.MimeType,
        [".pdf"] = MediaFormat.Pdf.MimeType,
        [".txt"] = "text/plain",
        [".zip"] = MediaFormat.Zip.MimeType,
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
        [".epub"] = "application/epub+zip",
    };

    /// <summary>
    /// The MIME type to upload <paramref name="fileName"/> with as a <paramref name="kind"/> message: a video is
    /// <c>video/3gpp</c> when named <c>.3gp</c>, else <c>video/mp4</c>; a sticker is always <c>image/webp</c>; other kinds
    /// go by the extension, <c>application/octet-stream</c> when it is not known.
    /// </summary>
    public static string FromFileName(MediaKind kind, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return kind switch
        {
            MediaKind.Video => (extension.Equals(".3gp", StringComparison.OrdinalIgnoreCase) ? VideoContainer.ThreeGpp : VideoContainer.Mp4).ToMimeType(),
            MediaKind.Sticker => MediaFormat.WebP.MimeType,
            _ => s_byExtension.GetValueOrDefault(extension, MediaFormat.Unknown.MimeType),
        };
    }
}
