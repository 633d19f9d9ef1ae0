using System.Buffers.Binary;
using System.Text;

namespace MessageGen.Media;

/// <summary>
/// Tells the document formats built on ZIP apart from plain archives, from the local file headers in the prefix:
/// OpenDocument and EPUB store their MIME type uncompressed as the first entry, <c>mimetype</c>; Office Open XML files
/// have entries under <c>word/</c>, <c>xl/</c> or <c>ppt/</c>, usually within the first few entries.
/// </summary>
internal static class ZipDocumentHeader
{
    // Local file header (APPNOTE 4.3.7): signature (4), version (2), flags (2), method (2), time (2), date (2), CRC (4),
    // compressed size (4), uncompressed size (4), name length (2), extra length (2), then the name and extra field.
    private const int LocalHeaderLength = 30;
    private const int MaxMimeTypeLength = 100;
    private const string MimeTypeEntry = "mimetype";

    private static readonly byte[] s_localHeaderSignature = [(byte)'P', (byte)'K', 0x03, 0x04];

    private static readonly (string Folder, MediaFormat Format)[] s_officeFolders =
    [
        ("word/", new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind.Document, "a Word document (DOCX)")),
        ("xl/", new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind.Document, "an Excel workbook (XLSX)")),
        ("ppt/", new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaKind.Document, "a PowerPoint presentation (PPTX)")),
    ];

    public static MediaFormat Read(ReadOnlySpan<byte> prefix)
    {
        if (StoredMimeType(prefix) is { } mimeType)
        {
            return MediaFormat.Zip with { Name = mimeType == "application/epub+zip" ? "epub" : "opendocument", MimeType = mimeType, Description = $"a document of type {mimeType}" };
        }

        for (var start = prefix.IndexOf(s_localHeaderSignature); start >= 0;)
        {
            if (EntryName(prefix[start..]) is { } name && s_officeFolders.FirstOrDefault(f => name.StartsWith(f.Folder, StringComparison.Ordinal)).Format is { } office)
            {
                return office;
            }

            var next = prefix[(start + 1)..].IndexOf(s_localHeaderSignature);
            start = next < 0 ? -1 : start + 1 + next;
        }

        return MediaFormat.Zip;
    }

    /// <summary>The content of a first entry named <c>mimetype</c>, stored uncompressed, when it is a plausible MIME type.</summary>
    private static string? StoredMimeType(ReadOnlySpan<byte> prefix)
    {
        if (EntryName(prefix) != MimeTypeEntry || BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]) != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix[18..]);
        var start = LocalHeaderLength + MimeTypeEntry.Length + BinaryPrimitives.ReadUInt16LittleEndian(prefix[28..]);
        if (length is 0 or > MaxMimeTypeLength || start + (int)length > prefix.Length)
        {
            return null;
        }

        var content = prefix.Slice(start, (int)length);
        foreach (var b in content)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return null;
            }
        }

        return content.Contains((byte)'/') ? Encoding.ASCII.GetString(content) : null;
    }

    /// <summary>The name of the entry whose local header starts <paramref name="header"/>; <see langword="null"/> when cut off.</summary>
    private static string? EntryName(ReadOnlySpan<byte> header)
    {
        if (header.Length < LocalHeaderLength)
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        return header.Length >= LocalHeaderLength + nameLength
            ? Encoding.UTF8.GetString(header.Slice(LocalHeaderLength, nameLength))
            : null;
    }
}
