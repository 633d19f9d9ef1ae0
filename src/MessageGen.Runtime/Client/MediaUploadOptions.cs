namespace MessageGen;

/// <summary>
/// Settings of the client's checked uploads: <c>UploadImageAsync</c>, <c>UploadAudioAsync</c>, <c>UploadDocumentAsync</c>,
/// <c>UploadStickerAsync</c>, <c>UploadVideoAsync</c> and the <c>Send...Async(to, filePath, ...)</c> helpers that use them.
/// </summary>
public class MediaUploadOptions
{
    /// <summary>
    /// Upload without checking the file against WhatsApp's rules first, reading nothing before the upload: the MIME type
    /// then comes from the file name's extension instead of the file's bytes. Off by default: a file that breaks the rules
    /// (a GIF as an image, a sticker that is not 512x512, H.264 High profile, ...) is refused by the API or does not show.
    /// </summary>
    public bool SkipCompatibilityCheck { get; set; }
}

/// <summary>Settings of <see cref="WhatsAppClient.UploadVideoAsync(Stream, string, VideoUploadOptions?, CancellationToken)"/> and <c>SendVideoAsync</c>.</summary>
/// <remarks>
/// The same settings as every checked upload (<see cref="MediaUploadOptions"/>); kept so that code written for videos
/// goes on compiling. A skipped check uploads a <c>.3gp</c> file as <c>video/3gpp</c> and any other as <c>video/mp4</c>.
/// </remarks>
public sealed class VideoUploadOptions : MediaUploadOptions
{
}
