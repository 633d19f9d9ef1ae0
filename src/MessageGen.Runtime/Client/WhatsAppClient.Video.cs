using MessageGen.Media;
using MessageGen.Runtime.Generated;

namespace MessageGen;

/// <summary>Settings of <see cref="WhatsAppClient.UploadVideoAsync(Stream, string, VideoUploadOptions?, CancellationToken)"/> and <c>SendVideoAsync</c>.</summary>
public sealed class VideoUploadOptions
{
    /// <summary>
    /// Upload without checking the file against WhatsApp's rules first. Off by default: a file that breaks them
    /// (H.264 High profile, B-frames, <c>moov</c> after <c>mdat</c>, ...) uploads fine and then does not play on some phones.
    /// </summary>
    public bool SkipCompatibilityCheck { get; set; }
}

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
    public async Task<string> UploadVideoAsync(Stream content, string fileName, VideoUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        string mimeType;
        if (options?.SkipCompatibilityCheck == true)
        {
            mimeType = (Path.GetExtension(fileName).Equals(".3gp", StringComparison.OrdinalIgnoreCase) ? VideoContainer.ThreeGpp : VideoContainer.Mp4).ToMimeType();
        }
        else
        {
            if (!content.CanSeek)
            {
                throw new ArgumentException("The compatibility check reads the file before uploading it, so the stream must be able to seek (or skip the check).", nameof(content));
            }

            // The inspector puts the stream back where it found it.
            var report = await VideoFileInspector.InspectAsync(content, cancellationToken).ConfigureAwait(false);
            report.ThrowIfIncompatible();
            mimeType = report.MimeType;
        }

        return await UploadMediaAsync(content, fileName, mimeType, cancellationToken).ConfigureAwait(false);
    }

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
    public async Task<SendMessageResult> SendVideoAsync(
        string to, string filePath, string? caption = null, VideoUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);

        // Checked before uploading with a placeholder id, so that a bad number or caption costs no upload.
        var errors = CreateVideoMessage(to, "0", caption).Validate();
        if (errors.Count > 0)
        {
            throw new MessageValidationException(nameof(VideoMessage), errors);
        }

        // Opened as the inspector opens it: a FIFO never blocks beyond the token, and a pipe is read (boundedly) into memory.
        string mediaId;
        using (var file = await InspectionInput.OpenAsync(filePath, useAsync: true, cancellationToken).ConfigureAwait(false))
        {
            if (file.Extent == StreamExtent.PipePrefix)
            {
                throw new IOException($"'{filePath}' carries more than {VideoFileInspector.MaxCompatibleFileSize} bytes, more than WhatsApp accepts for a video; nothing was uploaded.");
            }

            mediaId = await UploadVideoAsync(file.Stream, Path.GetFileName(filePath), options, cancellationToken).ConfigureAwait(false);
        }

        return await SendAsync(CreateVideoMessage(to, mediaId, caption), cancellationToken).ConfigureAwait(false);
    }

    private static VideoMessage CreateVideoMessage(string to, string mediaId, string? caption) =>
        new() { To = to, Video = new VideoMedia { Id = mediaId, Caption = caption } };
}
