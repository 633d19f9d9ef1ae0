namespace MessageGen.Webhooks;

/// <summary>The media of an inbound image, video, audio, document or sticker; download it by <see cref="Id"/>.</summary>
/// <param name="Id">The media id, for <c>DownloadMediaAsync</c>.</param>
/// <param name="MimeType">The MIME type, such as <c>image/jpeg</c>.</param>
/// <param name="Sha256">The SHA-256 of the file, base64, as the API gives it.</param>
/// <param name="Caption">The caption of an image, video or document.</param>
/// <param name="Filename">The file name of a document.</param>
public sealed record InboundMedia(string Id, string? MimeType, string? Sha256, string? Caption, string? Filename);
