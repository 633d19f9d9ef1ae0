namespace MessageGen.Sandbox;

/// <summary>A request the sandbox received, whatever it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/messages</c>.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, as sent.</param>
/// <param name="ApiKeyAccepted">Whether the <c>D360-API-KEY</c> header held the sandbox's key.</param>
/// <param name="Body">
/// The body's exact bytes when the sandbox took the request (a 2xx answer). For a refused one (an error status, a
/// fault, a dropped connection) only its first <see cref="RefusedBodyPrefixLength"/> bytes are kept, enough for any
/// real message, so that an oversized or hostile body costs no memory; see <see cref="BodyLength"/> for its size.
/// Empty when the body was not read.
/// </param>
/// <param name="BodyLength">
/// The body's size in bytes; null when the sandbox did not read it: a request without the key (refused before its body
/// is read) or a body over the size limit (413).
/// </param>
/// <param name="StatusCode">What the sandbox answered; 0 when it dropped the connection or the client went away.</param>
/// <param name="Fault">The injected fault that shaped the answer, if any.</param>
public sealed record SandboxRequest(
    string Method,
    string Path,
    string? ContentType,
    bool ApiKeyAccepted,
    ReadOnlyMemory<byte> Body,
    long? BodyLength,
    int StatusCode,
    SandboxFault? Fault)
{
    /// <summary>How many bytes of a refused request's body are kept in <see cref="Body"/>: 4 KiB.</summary>
    public const int RefusedBodyPrefixLength = 4 * 1024;
}

/// <summary>A message the sandbox accepted (answered 200).</summary>
/// <param name="Id">The <c>wamid.</c> id it answered with.</param>
/// <param name="To">The recipient.</param>
/// <param name="Body">The request body's exact bytes.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Type">The message type, the body's top-level <c>type</c>: <c>text</c>, <c>image</c>, <c>video</c>, <c>interactive</c>, ...</param>
public sealed record SandboxMessage(string Id, string To, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, string Type);

/// <summary>A media file the sandbox accepted on <c>POST /media</c>.</summary>
/// <param name="Id">The media id it answered with.</param>
/// <param name="FileName">The multipart file name.</param>
/// <param name="MimeType">The file part's content type.</param>
/// <param name="Length">The file's size in bytes.</param>
public sealed record SandboxMedia(string Id, string FileName, string MimeType, long Length);

/// <summary>One attempt to deliver a webhook notification, whatever the receiver answered.</summary>
/// <param name="Url">Where it was POSTed.</param>
/// <param name="StatusCode">The HTTP status the receiver answered; null when it did not answer (see <paramref name="Error"/>).</param>
/// <param name="Attempt">Which attempt at this notification it was, from 1.</param>
/// <param name="Body">The notification's exact bytes.</param>
/// <param name="SentAt">When the attempt started.</param>
/// <param name="Error">Why there was no answer (a timeout, a refused connection); null when there was one.</param>
/// <param name="Summary">What the notification carries, e.g. <c>sent wamid.HBg...</c>, for output.</param>
public sealed record SandboxWebhookAttempt(
    string Url,
    int? StatusCode,
    int Attempt,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset SentAt,
    string? Error,
    string Summary)
{
    /// <summary>Whether the receiver took the notification: a 2xx answer.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
