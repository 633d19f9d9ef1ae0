using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MessageGen.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MessageGen;

/// <summary>
/// Sends generated WhatsApp messages through the 360dialog API. Thread-safe: make one per sender number and share it.
/// </summary>
/// <remarks>
/// Each request carries the key in its own <c>D360-API-KEY</c> header, so clients for different numbers can share one
/// <see cref="HttpClient"/>. Failed requests are retried as <see cref="WhatsAppRetryOptions"/> describes; failures end in
/// a <see cref="WhatsAppApiException"/> (the API answered with an error) or a <see cref="WhatsAppTransportException"/>
/// (no answer; it says whether the message may have been delivered).
/// </remarks>
public sealed partial class WhatsAppClient : IWhatsAppClient, IDisposable
{
    private const string SendOperation = "POST /messages";
    private const string UploadOperation = "POST /media";

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _apiKey;
    private readonly ClientSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ClientDiagnostics _diagnostics;

    /// <summary>Creates a client with its own connection pool; dispose it when done.</summary>
    /// <param name="options">The key, address, timeout and retry settings; copied, so later changes do not affect this client.</param>
    /// <param name="logger">Where to log; nothing is logged when null.</param>
    /// <param name="timeProvider">The clock for retry waits and <c>Retry-After</c> dates; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are not usable: no key, or an <c>http://</c> address that is not loopback.</exception>
    public WhatsAppClient(WhatsAppClientOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(CreateHttpClient(), ownsHttpClient: true, options, logger, timeProvider)
    {
    }

    /// <summary>Creates a client over <paramref name="httpClient"/> (from <c>IHttpClientFactory</c>, for instance), which it does not dispose.</summary>
    /// <param name="httpClient">
    /// The connections to send with. Its <c>BaseAddress</c> is not used; its <c>DefaultRequestHeaders</c> go with every
    /// request, and its <c>Timeout</c> applies on top of the client's own (set it to <c>Timeout.InfiniteTimeSpan</c>).
    /// </param>
    /// <param name="options">The key, address, timeout and retry settings; copied, so later changes do not affect this client.</param>
    /// <param name="logger">Where to log; nothing is logged when null.</param>
    /// <param name="timeProvider">The clock for retry waits and <c>Retry-After</c> dates; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are not usable: no key, or an <c>http://</c> address that is not loopback.</exception>
    public WhatsAppClient(HttpClient httpClient, WhatsAppClientOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(httpClient, ownsHttpClient: false, options, logger, timeProvider)
    {
    }

    private WhatsAppClient(HttpClient httpClient, bool ownsHttpClient, WhatsAppClientOptions options, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _apiKey = CheckApiKey(options.ApiKey);
        _settings = ClientSettings.From(options);
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _diagnostics = new ClientDiagnostics(_logger, _settings);
    }

    private WhatsAppClient(WhatsAppClient template, string apiKey, ClientSettings settings)
    {
        _httpClient = template._httpClient;
        _ownsHttpClient = false;
        _apiKey = CheckApiKey(apiKey);
        _settings = settings;
        _logger = template._logger;
        _timeProvider = template._timeProvider;
        _diagnostics = new ClientDiagnostics(_logger, settings);
    }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>
    /// Returns a client for another sender number: same connections, settings and logger, another key. The new client
    /// does not own the connections; keep this one alive (and undisposed) while it is used.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty or holds characters a header cannot carry.</exception>
    public WhatsAppClient WithApiKey(string apiKey) => new(this, apiKey, _settings);

    /// <inheritdoc cref="WithApiKey(string)"/>
    IWhatsAppClient IWhatsAppClient.WithApiKey(string apiKey) => WithApiKey(apiKey);

    /// <summary>
    /// Validates and sends <paramref name="message"/> (<c>POST /messages</c>) and returns the API's answer.
    /// </summary>
    /// <exception cref="MessageValidationException">The message breaks its schema; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The API rejected the message (after retries, for transient errors).</exception>
    /// <exception cref="WhatsAppTransportException">No answer; see <see cref="WhatsAppException.MayHaveBeenDelivered"/>.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled. If the request was already sent, the message may have been delivered.
    /// </exception>
    public Task<SendMessageResult> SendAsync(IWhatsAppMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(message, beforeFirstAttempt: null, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(IWhatsAppMessage, CancellationToken)"/>, calling <paramref name="beforeFirstAttempt"/> once the
    /// rate limiter gave the message its place (<see cref="SendTurn"/>); the first <c>POST</c> goes when the place is due and
    /// the call has returned. The outbox records "sending" there, so that a message still waiting for its
    /// turn is never taken for one that may have been sent, and the write overlaps the wait rather than delaying the POST.
    /// </summary>
    internal async Task<SendMessageResult> SendAsync(
        IWhatsAppMessage message, Func<SendTurn, CancellationToken, Task>? beforeFirstAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = message.Validate();
        if (errors.Count > 0)
        {
            throw new MessageValidationException(message.GetType().Name, errors);
        }

        var started = Stopwatch.GetTimestamp();
        using var body = new PooledBuffer();
        message.WriteTo(body);
        Func<CancellationToken, ValueTask>? takePlace = null;
        var due = TimeSpan.Zero;
        if (_settings.RateLimiter is { } rateLimiter)
        {
            var recipient = RecipientOf(body);
            takePlace = token => rateLimiter.WaitAsync(RateLimitScope, recipient, token);
            due = await rateLimiter.ReserveAsync(RateLimitScope, recipient, cancellationToken).ConfigureAwait(false);
        }

        var turn = due > TimeSpan.Zero ? Task.Delay(due, _timeProvider, cancellationToken) : Task.CompletedTask;
        if (beforeFirstAttempt is not null)
        {
            // The place's timer runs meanwhile; a record that fails (nothing may be posted) fails the send at once.
            await beforeFirstAttempt(new SendTurn(due, turn), cancellationToken).ConfigureAwait(false);
        }

        await turn.ConfigureAwait(false);

        using var content = new ByteArrayContent(body.Array, 0, body.Length);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var (answer, attempts) = await ExecuteAsync(SendOperation, HttpMethod.Post, _settings.MessagesUri, content, contentCanBeResent: true, cancellationToken, beforeRetry: takePlace).ConfigureAwait(false);
        using (answer)
        {
            var result = SendResponseReader.TryRead(answer.WrittenSpan)
                ?? throw _diagnostics.UnreadableSuccess(SendOperation, "a send response with messages[0].id", attempts);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMilliseconds = ElapsedMilliseconds(started);
                Log.MessageAccepted(_logger, result.MessageId, result.MessageStatus, attempts, elapsedMilliseconds);
            }

            return result;
        }
    }

    /// <summary>
    /// Uploads media (<c>POST /media</c>, multipart <c>file</c> and <c>messaging_product=whatsapp</c>) and returns its id,
    /// to send with a message's <c>id</c>. The stream is read from its current position and not disposed; it is resent on
    /// retries only when it can seek.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name to report, e.g. <c>clip.mp4</c>.</param>
    /// <param name="mimeType">The media type, e.g. <c>video/mp4</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="WhatsAppApiException">The API rejected the upload.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    public async Task<string> UploadMediaAsync(Stream content, string fileName, string mimeType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        if (!MediaTypeHeaderValue.TryParse(mimeType, out var mediaType))
        {
            throw new ArgumentException($"'{mimeType}' is not a media type such as video/mp4.", nameof(mimeType));
        }

        var started = Stopwatch.GetTimestamp();

        // The form is not disposed: that would dispose the caller's stream, which stays theirs.
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("whatsapp"), "messaging_product");
        var file = new StreamContent(content);
        file.Headers.ContentType = mediaType;
        form.Add(file, "file", fileName);

        var (answer, attempts) = await ExecuteAsync(UploadOperation, HttpMethod.Post, _settings.MediaUri, form, contentCanBeResent: content.CanSeek, cancellationToken).ConfigureAwait(false);
        using (answer)
        {
            var mediaId = ReadMediaId(answer.WrittenSpan) ?? throw _diagnostics.UnreadableSuccess(UploadOperation, "{\"id\":\"...\"}", attempts);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMilliseconds = ElapsedMilliseconds(started);
                Log.MediaUploaded(_logger, mediaId, mimeType, attempts, elapsedMilliseconds);
            }

            return mediaId;
        }
    }

    /// <summary>Disposes the connections if this client created them.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Names the client by its base address; never shows the key.</summary>
    public override string ToString() => $"{nameof(WhatsAppClient)} {{ BaseAddress = {BaseAddress} }}";

    private static string? ReadMediaId(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = LenientText.ValueIs(ref reader, "id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    return LenientText.Get(ref reader);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Treated as no id.
        }

        return null;
    }

    private static long ElapsedMilliseconds(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>What the constructor would refuse in <paramref name="options"/>, or null when it takes them.</summary>
    internal static string? FindProblem(WhatsAppClientOptions options)
    {
        try
        {
            CheckApiKey(options.ApiKey);
            ClientSettings.From(options);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string CheckApiKey(string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("An API key is required: set WhatsAppClientOptions.ApiKey to the sender number's D360-API-KEY.", nameof(apiKey));
        }

        foreach (var c in apiKey)
        {
            if (c < 0x21 || c > 0x7E)
            {
                // The key itself is never quoted.
                throw new ArgumentException("The API key holds a space, control or non-ASCII character, which a D360-API-KEY header cannot carry.", nameof(apiKey));
            }
        }

        return apiKey;
    }

    private static HttpClient CreateHttpClient() => new(CreateHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>The connections every client makes for itself, <c>AddWhatsAppClient</c>'s included.</summary>
    internal static SocketsHttpHandler CreateHandler() => new()
    {
        // Picks up DNS changes of the API's host; the timeout per attempt is the client's own. No decompression:
        // the API's answers are a few hundred bytes, so it would only add a header and a handler to every send.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),

        // A followed redirect would carry the key and the message to another host: a 3xx is answered as an error.
        AllowAutoRedirect = false,
    };
}
