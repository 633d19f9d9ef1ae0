using MessageGen.Media;

namespace MessageGen;

/// <summary>
/// What an application calls on a <see cref="WhatsAppClient"/>: send, upload, download and webhook configuration. Depend
/// on it (it is registered by <c>AddWhatsAppClient</c>) to put a fake in the client's place in tests.
/// </summary>
/// <remarks>
/// Not <see cref="IDisposable"/>: whoever made the client (the container, or <c>new WhatsAppClient(...)</c>) disposes it.
/// A fake need not validate, retry or pace; the exceptions listed are those <see cref="WhatsAppClient"/> throws.
/// </remarks>
// CA1716: 'to' is a Visual Basic keyword; it stays the parameter's name, as on WhatsAppClient (named arguments 'to:'
// would break otherwise) and in the API's JSON. Visual Basic implementers can still name their parameter otherwise.
#pragma warning disable CA1716
public interface IWhatsAppClient
{
    /// <summary>The API's base address.</summary>
    Uri BaseAddress { get; }

    /// <summary>
    /// Returns a client for another sender number: same connections, settings and logger, another key. Keep this client
    /// alive (and undisposed) while the new one is used.
    /// </summary>
    /// <param name="apiKey">The other number's <c>D360-API-KEY</c>.</param>
    /// <exception cref="ArgumentException">The key is empty or holds characters a header cannot carry.</exception>
    IWhatsAppClient WithApiKey(string apiKey);

    /// <summary>Validates and sends <paramref name="message"/> (<c>POST /messages</c>) and returns the API's answer.</summary>
    /// <param name="message">A generated message.</param>
    /// <param name="cancellationToken">Cancels the send; if the request was already sent, the message may have been delivered.</param>
    /// <exception cref="MessageValidationException">The message breaks its schema; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the message (after retries, for transient errors).</exception>
    /// <exception cref="WhatsAppTransportException">No answer; see <see cref="WhatsAppException.MayHaveBeenDelivered"/>.</exception>
    Task<SendMessageResult> SendAsync(IWhatsAppMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many messages with bounded concurrency and a messages-per-second limit, and reports what became of each, in
    /// input order; one failing does not stop the others. A send whose outcome is unknown is never retried here.
    /// </summary>
    /// <param name="messages">The messages to send.</param>
    /// <param name="options">
    /// Concurrency and rate; defaults to 8 in flight, paced by the client's rate limiter, or at 80 messages per second without one.
    /// </param>
    /// <param name="cancellationToken">Stops starting new sends; those not started are reported with an <see cref="OperationCanceledException"/>.</param>
    Task<IReadOnlyList<BulkSendResult>> SendManyAsync(
        IReadOnlyList<IWhatsAppMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads media (<c>POST /media</c>) unchecked and returns its id, to send with a message's <c>id</c>. The stream is
    /// read from its current position and not disposed.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name to report, e.g. <c>clip.mp4</c>.</param>
    /// <param name="mimeType">The media type, e.g. <c>video/mp4</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadMediaAsync(Stream content, string fileName, string mimeType, CancellationToken cancellationToken = default);

    /// <summary>Checks an image against WhatsApp's rules (JPEG or PNG, at most 5 MiB), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>photo.jpg</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadImageAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks an audio file against WhatsApp's rules (AAC, AMR, MP3, M4A or OGG with Opus, at most 16 MiB), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>voice.ogg</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadAudioAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks a document against WhatsApp's rules (any file, at most 100 MiB), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>invoice.pdf</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadDocumentAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks a sticker against WhatsApp's rules (WebP, 512x512, at most 100 KiB static or 500 KiB animated), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>sticker.webp</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleMediaException">The file breaks the rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadStickerAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks a video against WhatsApp's rules (<see cref="VideoFileInspector"/>), then uploads it and returns its media id.</summary>
    /// <param name="content">The file from its position; it must be able to seek unless the check is skipped.</param>
    /// <param name="fileName">The file name to report, e.g. <c>clip.mp4</c>.</param>
    /// <param name="options">Whether to skip the check.</param>
    /// <param name="cancellationToken">Cancels the check and the upload.</param>
    /// <exception cref="IncompatibleVideoException">The file breaks the rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task<string> UploadVideoAsync(Stream content, string fileName, VideoUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks and uploads the image at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an optional caption.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The image (JPEG or PNG, at most 5 MiB).</param>
    /// <param name="caption">Text shown under the image, at most 1024 characters.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient or caption breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    Task<SendMessageResult> SendImageAsync(
        string to, string filePath, string? caption = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks and uploads the audio file at <paramref name="filePath"/>, then sends it to <paramref name="to"/>.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The audio file (AAC, AMR, MP3, M4A or OGG with Opus, at most 16 MiB).</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    Task<SendMessageResult> SendAudioAsync(string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks and uploads the document at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an
    /// optional caption, under the file name <paramref name="filename"/>.
    /// </summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The document (any file, at most 100 MiB).</param>
    /// <param name="caption">Text shown under the document, at most 1024 characters.</param>
    /// <param name="filename">The file name the recipient sees; the name of <paramref name="filePath"/> when null.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient, caption or file name breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    Task<SendMessageResult> SendDocumentAsync(
        string to, string filePath, string? caption = null, string? filename = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks and uploads the sticker at <paramref name="filePath"/>, then sends it to <paramref name="to"/>.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The sticker (WebP, 512x512, at most 100 KiB static or 500 KiB animated).</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleMediaException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    Task<SendMessageResult> SendStickerAsync(string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks and uploads the video at <paramref name="filePath"/>, then sends it to <paramref name="to"/> with an optional caption.</summary>
    /// <param name="to">The recipient's phone number in international format.</param>
    /// <param name="filePath">The video file (<c>.mp4</c> or <c>.3gp</c>, at most 16 MB).</param>
    /// <param name="caption">Text shown under the video, at most 1024 characters.</param>
    /// <param name="options">Whether to skip the compatibility check.</param>
    /// <param name="cancellationToken">Cancels the check, upload and send.</param>
    /// <exception cref="MessageValidationException">The recipient or caption breaks the schema; nothing was uploaded.</exception>
    /// <exception cref="IncompatibleVideoException">The file breaks WhatsApp's rules; nothing was uploaded.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the upload or the message.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    Task<SendMessageResult> SendVideoAsync(
        string to, string filePath, string? caption = null, VideoUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads received media into the file at <paramref name="path"/>, checking its size and SHA-256 against the API's;
    /// the file appears only when every check passed.
    /// </summary>
    /// <param name="mediaId">The media id from a webhook.</param>
    /// <param name="path">Where to write the file; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="WhatsAppApiException">The API answered with an error; a 4xx of the download is not retried.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="InvalidDataException">The download is larger than the API said, or its SHA-256 differs.</exception>
    Task<MediaDownload> DownloadMediaAsync(string mediaId, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads received media into <paramref name="destination"/>, checking its size and SHA-256 against the API's; the
    /// stream keeps what was written when a check fails afterwards (discard it then).
    /// </summary>
    /// <param name="mediaId">The media id from a webhook.</param>
    /// <param name="destination">Where to write the bytes; not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="WhatsAppApiException">The API answered with an error; a 4xx of the download is not retried.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="InvalidDataException">The download is larger than the API said, or its SHA-256 differs.</exception>
    Task<MediaDownload> DownloadMediaAsync(string mediaId, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets where the API delivers this number's webhooks (<c>POST /v1/configs/webhook</c>), with headers it sends with
    /// every delivery (put a secret there and check it in the receiver).
    /// </summary>
    /// <param name="url">An <c>https</c> URL (<c>http</c> only to this machine, for the sandbox).</param>
    /// <param name="headers">Headers for every delivery, such as <c>X-Secret</c>; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The URL is not absolute, or is <c>http</c> to another machine.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the configuration.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    Task SetWebhookAsync(Uri url, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default);

    /// <summary>Reads where the API delivers this number's webhooks (<c>GET /v1/configs/webhook</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="WhatsAppApiException">The API answered with an error.</exception>
    /// <exception cref="WhatsAppTransportException">No answer, or one that is not a webhook configuration.</exception>
    Task<WebhookConfiguration> GetWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads this number's message templates (<c>GET /v1/configs/templates</c>), every page; <see cref="WhatsAppTemplates.ToJson"/>
    /// saves them in the API's shape, as <c>messagegen templates pull</c> does.
    /// </summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="WhatsAppApiException">The API answered with an error.</exception>
    /// <exception cref="WhatsAppTransportException">No answer, or one that is not a templates list.</exception>
    Task<WhatsAppTemplates> GetTemplatesAsync(CancellationToken cancellationToken = default);
}
#pragma warning restore CA1716
