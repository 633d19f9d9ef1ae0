using MessageGen.Media;

namespace MessageGen;

/// <summary>The steps every checked media upload and file send shares, whatever the kind of media.</summary>
public sealed partial class WhatsAppClient
{
    /// <summary>The media id of the message checked before the upload: any id the schema takes, since the real one is not known yet.</summary>
    private const string PlaceholderMediaId = "0";

    /// <summary>
    /// Checks the file from the stream's position against <paramref name="kind"/>'s rules (unless the options skip the
    /// check), then uploads it with the MIME type its bytes show (or, skipped, its name's) and returns its media id.
    /// </summary>
    /// <exception cref="IncompatibleVideoException">A video breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">Another kind of file breaks them; nothing was uploaded.</exception>
    private async Task<string> UploadCheckedAsync(
        Stream content, string fileName, MediaKind kind, MediaUploadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        string mimeType;
        if (options?.SkipCompatibilityCheck == true)
        {
            mimeType = MediaMimeTypes.FromFileName(kind, fileName);
        }
        else
        {
            if (!content.CanSeek)
            {
                throw new ArgumentException("The compatibility check reads the file before uploading it, so the stream must be able to seek (or skip the check).", nameof(content));
            }

            // The inspectors put the stream back where they found it.
            mimeType = await CheckAsync(content, kind, cancellationToken).ConfigureAwait(false);
        }

        return await UploadMediaAsync(content, fileName, mimeType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws unless the file is compatible; returns the MIME type its bytes show.</summary>
    private static async Task<string> CheckAsync(Stream content, MediaKind kind, CancellationToken cancellationToken)
    {
        if (kind == MediaKind.Video)
        {
            // Videos keep their own report and exception, which callers of UploadVideoAsync already catch.
            var video = await VideoFileInspector.InspectAsync(content, cancellationToken).ConfigureAwait(false);
            video.ThrowIfIncompatible();
            return video.MimeType;
        }

        var report = await MediaFileInspector.InspectAsync(content, kind, cancellationToken).ConfigureAwait(false);
        report.ThrowIfIncompatible();
        return report.MimeType;
    }

    /// <summary>
    /// Sends the file at <paramref name="filePath"/> as a <paramref name="kind"/> message: checks the message built around
    /// a placeholder media id (so that a bad number or caption costs no upload), opens the file, checks and uploads it,
    /// then sends the message built around the media id the upload returned.
    /// </summary>
    /// <param name="filePath">The file; a pipe, FIFO or device is read into memory first, as the inspectors read it.</param>
    /// <param name="kind">Whose rules the file must meet.</param>
    /// <param name="createMessage">Builds the message around a media id.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    private async Task<SendMessageResult> SendMediaFileAsync(
        string filePath, MediaKind kind, Func<string, IWhatsAppMessage> createMessage, MediaUploadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);

        var placeholder = createMessage(PlaceholderMediaId);
        var errors = placeholder.Validate();
        if (errors.Count > 0)
        {
            throw new MessageValidationException(placeholder.GetType().Name, errors);
        }

        // Opened as the inspector opens it: a FIFO never blocks beyond the token, and a pipe is read (boundedly) into memory.
        var sizeLimit = MediaRules.SizeLimit(kind, animated: true);
        string mediaId;
        using (var file = await InspectionInput.OpenAsync(filePath, _ => sizeLimit, useAsync: true, cancellationToken).ConfigureAwait(false))
        {
            if (file.Extent == StreamExtent.PipePrefix)
            {
                throw new IOException(sizeLimit < InspectionInput.MaxKeptBytes
                    ? $"'{filePath}' carries more than {sizeLimit} bytes, more than WhatsApp accepts for {Described(kind)}; nothing was uploaded."
                    : $"'{filePath}' carries more than {InspectionInput.MaxKeptBytes - 1} bytes, more than is read from a pipe or device to upload; write it to a file first. Nothing was uploaded.");
            }

            mediaId = await UploadCheckedAsync(file.Stream, Path.GetFileName(filePath), kind, options, cancellationToken).ConfigureAwait(false);
        }

        return await SendAsync(createMessage(mediaId), cancellationToken).ConfigureAwait(false);
    }

    private static string Described(MediaKind kind) => kind switch
    {
        MediaKind.Image => "an image",
        MediaKind.Audio => "an audio file",
        _ => "a " + kind.ToShortName(),
    };
}
