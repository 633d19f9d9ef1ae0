using MessageGen.Media;
using MessageGen.Runtime.Generated;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    /// <summary>
    /// Checks a video against WhatsApp's rules (<see cref="VideoFileInspector"/>), then uploads it and returns its media id.
    /// </summary>
    /// <param name="content">The file; it must be able to seek, since it is read twice (check, then upload), unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>clip.mp4</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleVideoException">The file breaks WhatsApp's rules; nothing was uploaded. The message lists every problem.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public Task<string> UploadVideoAsync(Stream content, string fileName, VideoUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCheckedAsync(content, fileName, MediaKind.Video, options, cancellationToken);

    /// <summary>
    /// Checks and uploads the video at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an optional caption.
    /// </summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The video file (<c>.mp4</c> or <c>.3gp</c>, at most 16 MB).</param>
    /// <param name="caption">Text shown under the video, at most 1024 characters.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient or caption breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleVideoException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing), or a pipe carries more than 16 MiB.</exception>
    public Task<SendMessageResult> SendVideoAsync(
        string to, string filePath, string? caption = null, VideoUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        SendMediaFileAsync(
            filePath,
            MediaKind.Video,
            mediaId => new VideoMessage { To = to, Video = new VideoMedia { Id = mediaId, Caption = caption } },
            options,
            cancellationToken);
}
