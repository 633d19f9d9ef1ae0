using MessageGen.Media;
using MessageGen.Runtime.Generated;

namespace MessageGen;

/// <summary>
/// Checked uploads and file sends of images, audio, documents and stickers: each file is checked with
/// <see cref="MediaFileInspector"/> against its message type's rules before anything is uploaded, and uploaded with the
/// MIME type its bytes show. Videos have the same pair in <c>UploadVideoAsync</c> and <c>SendVideoAsync</c>.
/// </summary>
public sealed partial class WhatsAppClient
{
    /// <summary>Checks an image against WhatsApp's rules (JPEG or PNG, at most 5 MiB), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek (it is read twice: check, then upload) unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>photo.jpg</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <returns>The media id, for an image message's <c>id</c>.</returns>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded. Its report lists every problem.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public Task<string> UploadImageAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCheckedAsync(content, fileName, MediaKind.Image, options, cancellationToken);

    /// <summary>
    /// Checks an audio file against WhatsApp's rules (AAC, AMR, MP3, M4A with AAC or OGG with Opus, at most 16 MiB), then
    /// uploads it and returns its media id.
    /// </summary>
    /// <param name="content">The file from its position; it must be able to seek (it is read twice: check, then upload) unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>voice.ogg</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <returns>The media id, for an audio message's <c>id</c>.</returns>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded. Its report lists every problem.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public Task<string> UploadAudioAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCheckedAsync(content, fileName, MediaKind.Audio, options, cancellationToken);

    /// <summary>
    /// Checks a document against WhatsApp's rules (any file, at most 100 MiB), then uploads it with the type its bytes show
    /// (<c>application/pdf</c>, ...; <c>application/octet-stream</c> when they show none) and returns its media id.
    /// </summary>
    /// <param name="content">The file from its position; it must be able to seek (it is read twice: check, then upload) unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>invoice.pdf</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <returns>The media id, for a document message's <c>id</c>.</returns>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded. Its report lists every problem.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public Task<string> UploadDocumentAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCheckedAsync(content, fileName, MediaKind.Document, options, cancellationToken);

    /// <summary>
    /// Checks a sticker against WhatsApp's rules (WebP, 512x512 pixels, at most 100 KiB static or 500 KiB animated), then
    /// uploads it and returns its media id.
    /// </summary>
    /// <param name="content">The file from its position; it must be able to seek (it is read twice: check, then upload) unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>sticker.webp</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <returns>The media id, for a sticker message's <c>id</c>.</returns>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded. Its report lists every problem.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public Task<string> UploadStickerAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCheckedAsync(content, fileName, MediaKind.Sticker, options, cancellationToken);

    /// <summary>Checks and uploads the image at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an optional caption.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The image (JPEG or PNG, at most 5 MiB); a pipe, FIFO or device is read into memory first.</param>
    /// <param name="caption">Text shown under the image, at most 1024 characters.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient or caption breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing), or a pipe carries more than 5 MiB.</exception>
    public Task<SendMessageResult> SendImageAsync(
        string to, string filePath, string? caption = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        SendMediaFileAsync(
            filePath,
            MediaKind.Image,
            mediaId => new ImageMessage { To = to, Image = new ImageMedia { Id = mediaId, Caption = caption } },
            options,
            cancellationToken);

    /// <summary>Checks and uploads the audio file at <paramref name="filePath"/>, then sends it to <paramref name="to"/>.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The audio file (AAC, AMR, MP3, M4A or OGG with Opus, at most 16 MiB); a pipe, FIFO or device is read into memory first.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing), or a pipe carries more than 16 MiB.</exception>
    public Task<SendMessageResult> SendAudioAsync(
        string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        SendMediaFileAsync(
            filePath,
            MediaKind.Audio,
            mediaId => new AudioMessage { To = to, Audio = new AudioMedia { Id = mediaId } },
            options,
            cancellationToken);

    /// <summary>
    /// Checks and uploads the document at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an
    /// optional caption, under the file name <paramref name="filename"/>.
    /// </summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The document (any file, at most 100 MiB); a pipe, FIFO or device is read into memory first, up to 16 MiB.</param>
    /// <param name="caption">Text shown under the document, at most 1024 characters.</param>
    /// <param name="filename">The file name the recipient sees, with its extension; the name of <paramref name="filePath"/> when null.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient, caption or file name breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing), or a pipe carries more than 16 MiB.</exception>
    public Task<SendMessageResult> SendDocumentAsync(
        string to, string filePath, string? caption = null, string? filename = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        SendMediaFileAsync(
            filePath,
            MediaKind.Document,
            mediaId => new DocumentMessage
            {
                To = to,
                Document = new DocumentMedia { Id = mediaId, Caption = caption, Filename = filename ?? Path.GetFileName(filePath) },
            },
            options,
            cancellationToken);

    /// <summary>Checks and uploads the sticker at <paramref name="filePath"/>, then sends it to <paramref name="to"/>.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The sticker (WebP, 512x512, at most 100 KiB static or 500 KiB animated); a pipe, FIFO or device is read into memory first.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing), or a pipe carries more than 500 KiB.</exception>
    public Task<SendMessageResult> SendStickerAsync(
        string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        SendMediaFileAsync(
            filePath,
            MediaKind.Sticker,
            mediaId => new StickerMessage { To = to, Sticker = new StickerMedia { Id = mediaId } },
            options,
            cancellationToken);
}
