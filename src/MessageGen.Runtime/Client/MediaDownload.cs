namespace MessageGen;

/// <summary>What <c>DownloadMediaAsync</c> downloaded, checked against what the API said of it.</summary>
/// <param name="MediaId">The media id.</param>
/// <param name="MimeType">The MIME type the API gave, such as <c>image/jpeg</c>.</param>
/// <param name="Length">How many bytes were written.</param>
/// <param name="Sha256">The SHA-256 of the bytes, lower-case hex.</param>
public sealed record MediaDownload(string MediaId, string? MimeType, long Length, string Sha256);
