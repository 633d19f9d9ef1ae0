using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MessageGen.Sandbox;

/// <summary>
/// A local server that behaves like the 360dialog WhatsApp API: <c>POST /messages</c> and <c>POST /media</c> on 127.0.0.1,
/// checking the <c>D360-API-KEY</c> (401, before the body is read) and then the message (400), of every type the
/// repository has a schema for, each read with the reader generated from its schema, and answering in the API's shapes.
/// It records what it received (<see cref="Requests"/>, <see cref="Messages"/>, <c>GET /sandbox/messages</c>),
/// within limits (<see cref="SandboxOptions.MaxRecorded"/>, <see cref="SandboxOptions.MaxRecordedBodyBytes"/>), and plays
/// injected <see cref="Faults"/>. When asked, it holds the API's limits on messages (<see cref="SandboxOptions.MessagesPerSecond"/>,
/// 130429; <see cref="SandboxOptions.PairLimit"/>, 131056). After "accepted" it plays the rest of a message's life: webhook deliveries (see
/// <see cref="Webhook"/>) and the download of uploaded media. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed partial class SandboxServer : IAsyncDisposable
{
    private const string ApiKeyHeaderName = "D360-API-KEY";

    /// <summary>What the sandbox serves, for the answer to any other path.</summary>
    private const string ServedRoutes =
        "POST /messages, POST /media, GET /{media-id}, GET /media-download/, GET and POST /v1/configs/webhook, GET /v1/configs/templates, GET /sandbox/messages, GET /sandbox/webhooks and POST /sandbox/inbound";

    private readonly WebApplication _app;
    private readonly byte[] _apiKeyBytes;
    private readonly long _maxMediaBytes;
    private readonly long _maxRequestBytes;
    private readonly Action<SandboxRequest>? _requestObserved;
    private readonly SandboxRecordBook _records;
    private readonly SandboxMediaStore _uploads;

    /// <summary>What the sandbox itself sends: webhook deliveries and fetches of loopback media links. No proxy, no redirects.</summary>
    private readonly HttpClient _outbound = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SandboxWebhookSender _webhooks;
    private readonly SandboxMediaCheck _mediaCheck;
    private readonly SandboxRateLimits? _limits;
    private readonly SandboxTemplates _templates;

    private SandboxServer(WebApplication app, string apiKey, SandboxOptions options, SandboxTemplates templates)
    {
        _app = app;
        ApiKey = apiKey;
        _apiKeyBytes = Encoding.UTF8.GetBytes(apiKey);
        _maxMediaBytes = options.MaxMediaBytes;
        _maxRequestBytes = MaxRequestBytes(options);
        _requestObserved = options.RequestObserved;
        _records = new SandboxRecordBook(options.MaxRecorded, options.MaxRecordedBodyBytes);
        _uploads = new SandboxMediaStore(options.MaxRecorded, options.MaxStoredMediaBytes);
        _webhooks = new SandboxWebhookSender(_outbound, _records, options);
        _mediaCheck = new SandboxMediaCheck(_uploads, _outbound, options.MaxMediaBytes);
        _limits = SandboxRateLimits.For(options);
        _templates = templates;
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:54321/</c>; use it as the client's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The <c>D360-API-KEY</c> the sandbox accepts. It is a sandbox key, not a secret.</summary>
    public string ApiKey { get; }

    /// <summary>The faults to play on coming requests.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>
    /// The requests received on the API's routes (<c>/messages</c>, <c>/media</c>, <c>/{media-id}</c>, its download,
    /// <c>/v1/configs/webhook</c>) and on <c>POST /sandbox/inbound</c>, in order (a snapshot): the newest, within the limits
    /// of <see cref="SandboxOptions"/>. Refused requests keep only the start of their body, see <see cref="SandboxRequest.Body"/>.
    /// </summary>
    public IReadOnlyList<SandboxRequest> Requests => _records.Requests().Items;

    /// <summary>The messages accepted, in order (a snapshot): the newest, within the limits of <see cref="SandboxOptions"/>.</summary>
    public IReadOnlyList<SandboxMessage> Messages => _records.Messages().Items;

    /// <summary>The media uploaded, in order (a snapshot): the newest, within <see cref="SandboxOptions.MaxRecorded"/>.</summary>
    public IReadOnlyList<SandboxMedia> Media => _records.Media().Items;

    /// <summary>How many requests were dropped from <see cref="Requests"/> to keep within the limits, oldest first.</summary>
    public long DroppedRequests => _records.DroppedRequests;

    /// <summary>How many messages were dropped from <see cref="Messages"/> to keep within the limits, oldest first.</summary>
    public long DroppedMessages => _records.DroppedMessages;

    /// <summary>How many media were dropped from <see cref="Media"/> to keep within the limits, oldest first.</summary>
    public long DroppedMedia => _records.DroppedMedia;

    /// <summary>Starts the sandbox on 127.0.0.1 and returns once it accepts connections.</summary>
    /// <exception cref="IOException">The port is in use.</exception>
    /// <exception cref="SandboxTemplatesFileException"><see cref="SandboxOptions.TemplatesFile"/> cannot be read or is not in the API's shape.</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRecorded, nameof(options.MaxRecorded));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRecordedBodyBytes, nameof(options.MaxRecordedBodyBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxStoredMediaBytes, nameof(options.MaxStoredMediaBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WebhookTimeout, TimeSpan.Zero, nameof(options.WebhookTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WebhookRetryBaseDelay, TimeSpan.Zero, nameof(options.WebhookRetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WebhookMaxAttempts, 1, nameof(options.WebhookMaxAttempts));
        if (options.MessagesPerSecond is { } messagesPerSecond)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1, nameof(options.MessagesPerSecond));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PairLimitPeriod, TimeSpan.Zero, nameof(options.PairLimitPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PairLimitBurst, 1, nameof(options.PairLimitBurst));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        // Before anything listens: a broken templates file stops the start with what is wrong in it.
        var templates = options.TemplatesFile is { } templatesFile ? SandboxTemplates.Load(templatesFile) : SandboxTemplates.None;
        var apiKey = string.IsNullOrEmpty(options.ApiKey)
            ? "sandbox-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()
            : options.ApiKey;

        // The empty builder reads no configuration files, environment or logging setup: embedding it changes nothing in the host app.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes(options);
        });
        builder.Services.AddRoutingCore();

        // The slim routing leaves out the regex constraint; media ids are digits, so that GET /messages stays a wrong method.
        builder.Services.Configure<RouteOptions>(routes => routes.SetParameterPolicy<RegexInlineRouteConstraint>("regex"));

        // No console lifetime: an embedded sandbox must not take Ctrl+C or SIGTERM from the app that hosts it.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();

        var sandbox = new SandboxServer(app, apiKey, options, templates);
        app.Use(AnswerUnroutedAsync);
        app.UseRouting();
        app.MapPost("/messages", sandbox.PostMessageAsync);
        app.MapPost("/media", sandbox.PostMediaAsync);
        app.MapGet("/sandbox/messages", sandbox.ListMessagesAsync);
        app.MapGet("/sandbox/webhooks", sandbox.ListWebhookAttemptsAsync);
        app.MapPost("/sandbox/inbound", sandbox.PostInboundAsync);
        app.MapPost("/v1/configs/webhook", sandbox.PostWebhookConfigAsync);
        app.MapGet("/v1/configs/webhook", sandbox.GetWebhookConfigAsync);
        app.MapGet("/v1/configs/templates", sandbox.GetTemplatesAsync);
        app.MapGet("/{mediaId:regex(^[0-9]+$)}", sandbox.GetMediaAsync);
        app.MapGet(MediaDownloadPath, sandbox.DownloadMediaAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return sandbox;
    }

    /// <summary>Stops the server, then its webhook deliveries (pending retries are not made).</summary>
    public async ValueTask DisposeAsync()
    {
        // Requests first: once they have ended, nothing starts new deliveries.
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _webhooks.DisposeAsync().ConfigureAwait(false);
        _outbound.Dispose();
    }

    private async Task PostMessageAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: true).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (!await RequireJsonAsync(context, request).ConfigureAwait(false))
        {
            return;
        }

        if (!SandboxMessageChecks.TryRead(request.Body, out var message, out var problem))
        {
            await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(problem)).ConfigureAwait(false);
            return;
        }

        if (message.Template is { } template && _templates.ChecksSends && SandboxTemplateChecks.Check(_templates, template) is { } mismatch)
        {
            await request.AnswerAsync(400, SandboxAnswers.TemplateError(mismatch)).ConfigureAwait(false);
            return;
        }

        // The limits count only a message the API would take: a refused body has cost no token.
        switch (_limits?.TryTake(message.To))
        {
            case SendLimit.Throughput:
                await request.AnswerAsync(429, SandboxAnswers.ThroughputLimit()).ConfigureAwait(false);
                return;
            case SendLimit.Pair:
                await request.AnswerAsync(400, SandboxAnswers.PairRateLimit()).ConfigureAwait(false);
                return;
        }

        var id = SandboxAnswers.NewMessageId();
        _records.Add(new SandboxMessage(id, message.To, request.Body, DateTimeOffset.UtcNow, message.Type));

        await request.AnswerAsync(200, SandboxAnswers.Accepted(message.To, id)).ConfigureAwait(false);
        StartStatusDeliveries(id, message);
    }

    private async Task PostMediaAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        // Parse the multipart body we already hold, so that the exact bytes stay on record.
        context.Request.Body = new MemoryStream(request.Body, writable: false);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
        {
            await request.AnswerAsync(400, MediaError("The body must be multipart/form-data with 'file' and 'messaging_product'.")).ConfigureAwait(false);
            return;
        }

        var file = form.Files.GetFile("file");
        if (form["messaging_product"] != "whatsapp")
        {
            await request.AnswerAsync(400, MediaError("messaging_product must be 'whatsapp'.")).ConfigureAwait(false);
            return;
        }

        if (file is null || file.Length == 0)
        {
            await request.AnswerAsync(400, MediaError("The 'file' part is missing or empty.")).ConfigureAwait(false);
            return;
        }

        if (file.Length > _maxMediaBytes)
        {
            await request.AnswerAsync(400, MediaError($"The file is {file.Length} bytes; the limit is {_maxMediaBytes}.")).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(file.ContentType) || file.ContentType == "application/octet-stream")
        {
            await request.AnswerAsync(400, MediaError("The file part needs a media type such as video/mp4.")).ConfigureAwait(false);
            return;
        }

        var id = SandboxAnswers.NewMediaId();
        _records.Add(new SandboxMedia(id, file.FileName, file.ContentType, file.Length));
        _uploads.Add(StoredMedia.Of(id, file.ContentType, await ReadAllAsync(file, context.RequestAborted).ConfigureAwait(false)));

        await request.AnswerAsync(200, SandboxAnswers.IdOnly(id)).ConfigureAwait(false);
    }

    private Task ListMessagesAsync(HttpContext context) => ListRecordsAsync(context, json =>
    {
        var messages = _records.Messages();
        json.WriteNumber("dropped_messages", messages.Dropped);
        json.WriteStartArray("messages");
        foreach (var message in messages.Items)
        {
            json.WriteStartObject();
            json.WriteString("id", message.Id);
            json.WriteString("to", message.To);
            json.WriteString("type", message.Type);
            json.WriteString("received_at", message.ReceivedAt);
            json.WritePropertyName("body");
            json.WriteRawValue(message.Body.Span, skipInputValidation: true);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>Answers a <c>GET /sandbox/...</c> list: the key (no fault plays on these), then one object that <paramref name="writeMembers"/> fills.</summary>
    private async Task ListRecordsAsync(HttpContext context, Action<Utf8JsonWriter> writeMembers)
    {
        if (!IsKeyAccepted(context.Request))
        {
            await AnswerAsync(context, 401, SandboxAnswers.InvalidApiKey).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        var json = new Utf8JsonWriter(context.Response.BodyWriter, SandboxAnswers.WriterOptions);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            writeMembers(json);
            json.WriteEndObject();
        }
    }

    /// <summary>
    /// What every API route does first, as the API does: a matching fault, the key (before the body is read, so that a
    /// client without it costs nothing), then the body. Returns null when that has answered the request already.
    /// A sandbox route that reads a body (<paramref name="playsFaults"/> false) is not the API: no fault plays on it.
    /// </summary>
    private async Task<PendingRequest?> BeginAsync(HttpContext context, bool bodyNamesRecipient, bool playsFaults = true)
    {
        var request = new PendingRequest(context, this);
        if (!request.ApiKeyAccepted)
        {
            // The body is not read, so a fault aimed at a recipient (named in the body) cannot match here.
            if (!playsFaults || await request.PlayFaultAsync(recipient: null).ConfigureAwait(false))
            {
                await request.AnswerAsync(401, SandboxAnswers.InvalidApiKey).ConfigureAwait(false);
            }

            return null;
        }

        if (!await request.ReadBodyAsync().ConfigureAwait(false))
        {
            return null;
        }

        var recipient = bodyNamesRecipient ? SandboxMessageChecks.TryReadRecipient(request.Body) : null;
        return !playsFaults || await request.PlayFaultAsync(recipient).ConfigureAwait(false) ? request : null;
    }

    /// <summary>Answers 400 unless the body is JSON; returns whether it is.</summary>
    private static async Task<bool> RequireJsonAsync(HttpContext context, PendingRequest request)
    {
        if (SandboxMessageChecks.IsJson(context.Request.ContentType))
        {
            return true;
        }

        await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(
            $"The body must be JSON, sent with 'Content-Type: application/json' (charset utf-8 or none), not '{SandboxAnswers.Shown(context.Request.ContentType ?? "")}'."))
            .ConfigureAwait(false);
        return false;
    }

    /// <summary>Gives the answers routing leaves empty (an unknown path, a wrong method) a body in the API's shape.</summary>
    private static async Task AnswerUnroutedAsync(HttpContext context, RequestDelegate next)
    {
        await next(context).ConfigureAwait(false);
        if (context.Response.HasStarted)
        {
            return;
        }

        var answer = context.Response.StatusCode switch
        {
            404 => SandboxAnswers.UnknownPath(context.Request.Path.Value ?? "", ServedRoutes),
            405 => SandboxAnswers.UnsupportedMethod(context.Request.Method, context.Response.Headers.Allow.ToString()),
            _ => null,
        };
        if (answer is not null)
        {
            await AnswerAsync(context, context.Response.StatusCode, answer).ConfigureAwait(false);
        }
    }

    private static Task AnswerAsync(HttpContext context, int statusCode, byte[] answer, string contentType = "application/json")
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = answer.Length;
        return context.Response.Body.WriteAsync(answer, context.RequestAborted).AsTask();
    }

    /// <summary>The largest request body taken: the largest media file and room for its multipart envelope.</summary>
    private static long MaxRequestBytes(SandboxOptions options) => options.MaxMediaBytes + (1024 * 1024);

    /// <summary>An uploaded file's bytes; at most <see cref="SandboxOptions.MaxMediaBytes"/>, checked before.</summary>
    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = new byte[file.Length];
        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        return bytes;
    }

    private static byte[] MediaError(string details) =>
        SandboxAnswers.GraphError("(#131053) Media upload error", "OAuthException", WhatsAppErrorCodes.MediaUploadError, details);

    private bool IsKeyAccepted(HttpRequest request) =>
        request.Headers.TryGetValue(ApiKeyHeaderName, out var presented)
        && presented.Count == 1
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[0] ?? ""), _apiKeyBytes);

    private void Record(SandboxRequest request)
    {
        _records.Add(request);
        _requestObserved?.Invoke(request);
    }

    /// <summary>One request on its way to an answer; records itself exactly once.</summary>
    private sealed class PendingRequest(HttpContext context, SandboxServer sandbox)
    {
        private SandboxFault? _fault;
        private byte[]? _body;

        public bool ApiKeyAccepted { get; } = sandbox.IsKeyAccepted(context.Request);

        /// <summary>The whole body, once <see cref="ReadBodyAsync"/> has read it.</summary>
        public byte[] Body => _body ?? throw new InvalidOperationException("The body has not been read.");

        /// <summary>Reads the whole body; returns false when that has answered the request (too large, or the client went away).</summary>
        public async Task<bool> ReadBodyAsync()
        {
            // The declared length sizes the buffer at once; Kestrel stops a body over the limit, whatever it declared.
            using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 0, Math.Min(sandbox._maxRequestBytes, Array.MaxLength)));
            try
            {
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                var answer = e.StatusCode == 413
                    ? SandboxAnswers.BodyTooLarge(sandbox._maxRequestBytes)
                    : SandboxAnswers.InvalidParameter($"The body could not be read: {SandboxAnswers.Shown(e.Message)}");
                await AnswerAsync(e.StatusCode, answer).ConfigureAwait(false);
                return false;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                RecordAs(0);
                return false;
            }

            // A body of the length it declared fills the buffer exactly: no need to copy it.
            _body = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
            return true;
        }

        /// <summary>Plays the next matching fault; returns whether to go on with the normal answer.</summary>
        public async Task<bool> PlayFaultAsync(string? recipient)
        {
            _fault = sandbox.Faults.Take(context.Request.Path.Value ?? "", recipient);
            switch (_fault?.Kind)
            {
                case null:
                    return true;
                case SandboxFaultKind.Delay:
                    try
                    {
                        await Task.Delay(_fault.Delay, context.RequestAborted).ConfigureAwait(false);
                        return true;
                    }
                    catch (OperationCanceledException)
                    {
                        RecordAs(0);
                        return false;
                    }

                case SandboxFaultKind.DropConnection:
                    await ReceiveUnreadBodyAsync().ConfigureAwait(false);
                    RecordAs(0);
                    context.Abort();
                    return false;
                default:
                    if (_fault.RetryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = _fault.RetryAfter;
                    }

                    await AnswerAsync(_fault.StatusCode, _fault.BodyBytes(), _fault.ContentType).ConfigureAwait(false);
                    return false;
            }
        }

        public Task AnswerAsync(int statusCode, byte[] answer, string contentType = "application/json")
        {
            RecordAs(statusCode);
            return SandboxServer.AnswerAsync(context, statusCode, answer, contentType);
        }

        /// <summary>
        /// Lets the client finish sending a body the sandbox did not read (a request without the key), without keeping it,
        /// so that a dropped connection comes after the whole request, as the fault promises.
        /// </summary>
        private async Task ReceiveUnreadBodyAsync()
        {
            if (_body is not null)
            {
                return;
            }

            try
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BadHttpRequestException or OperationCanceledException or IOException)
            {
                // The connection is dropped next anyway.
            }
        }

        private void RecordAs(int statusCode) => sandbox.Record(new SandboxRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.ContentType,
            ApiKeyAccepted,
            KeptBody(statusCode),
            _body?.Length,
            statusCode,
            _fault));

        /// <summary>The whole body of a request the sandbox took; a copy of the start of a refused one, so the rest can be freed.</summary>
        private ReadOnlyMemory<byte> KeptBody(int statusCode) => _body switch
        {
            null => ReadOnlyMemory<byte>.Empty,
            _ when statusCode is >= 200 and < 300 => _body,
            _ => _body.AsSpan(0, Math.Min(_body.Length, SandboxRequest.RefusedBodyPrefixLength)).ToArray(),
        };
    }

    /// <summary>Starts and stops with <see cref="StartAsync"/> and <see cref="DisposeAsync"/> only.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
