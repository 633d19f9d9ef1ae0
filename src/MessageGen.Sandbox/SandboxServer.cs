using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MessageGen.Sandbox.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MessageGen.Sandbox;

/// <summary>
/// A local server that behaves like the 360dialog WhatsApp API: <c>POST /messages</c> and <c>POST /media</c> on 127.0.0.1,
/// checking the <c>D360-API-KEY</c> (401) and the message schema (400) and answering in the API's shapes. It records what
/// it received (<see cref="Requests"/>, <see cref="Messages"/>, <c>GET /sandbox/messages</c>) and plays injected
/// <see cref="Faults"/>. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private const string ApiKeyHeaderName = "D360-API-KEY";

    private readonly WebApplication _app;
    private readonly byte[] _apiKeyBytes;
    private readonly long _maxMediaBytes;
    private readonly Action<SandboxRequest>? _requestObserved;
    private readonly RecordList<SandboxRequest> _requests;
    private readonly RecordList<SandboxMessage> _messages;
    private readonly RecordList<SandboxMedia> _media;

    private SandboxServer(WebApplication app, string apiKey, SandboxOptions options)
    {
        _app = app;
        ApiKey = apiKey;
        _apiKeyBytes = Encoding.UTF8.GetBytes(apiKey);
        _maxMediaBytes = options.MaxMediaBytes;
        _requestObserved = options.RequestObserved;
        _requests = new RecordList<SandboxRequest>(options.MaxRecorded);
        _messages = new RecordList<SandboxMessage>(options.MaxRecorded);
        _media = new RecordList<SandboxMedia>(options.MaxRecorded);
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:54321/</c>; use it as the client's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The <c>D360-API-KEY</c> the sandbox accepts. It is a sandbox key, not a secret.</summary>
    public string ApiKey { get; }

    /// <summary>The faults to play on coming requests.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>Every request received so far on <c>/messages</c> and <c>/media</c>, in order (a snapshot).</summary>
    public IReadOnlyList<SandboxRequest> Requests => _requests.Snapshot();

    /// <summary>The messages accepted so far, in order (a snapshot).</summary>
    public IReadOnlyList<SandboxMessage> Messages => _messages.Snapshot();

    /// <summary>The media uploaded so far, in order (a snapshot).</summary>
    public IReadOnlyList<SandboxMedia> Media => _media.Snapshot();

    /// <summary>Starts the sandbox on 127.0.0.1 and returns once it accepts connections.</summary>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRecorded, nameof(options.MaxRecorded));
        var apiKey = string.IsNullOrEmpty(options.ApiKey)
            ? "sandbox-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()
            : options.ApiKey;

        // The empty builder reads no configuration files, environment or logging setup: embedding it changes nothing in the host app.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxMediaBytes + (1024 * 1024);
        });
        builder.Services.AddRoutingCore();

        // No console lifetime: an embedded sandbox must not take Ctrl+C or SIGTERM from the app that hosts it.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();

        var sandbox = new SandboxServer(app, apiKey, options);
        app.UseRouting();
        app.MapPost("/messages", sandbox.PostMessageAsync);
        app.MapPost("/media", sandbox.PostMediaAsync);
        app.MapGet("/sandbox/messages", sandbox.ListMessagesAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return sandbox;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PostMessageAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var request = await BeginAsync(context, body, TryReadRecipient(body)).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        VideoMessage message;
        try
        {
            message = VideoMessage.FromJson(body);
        }
        catch (MessageValidationException e)
        {
            var details = string.Join("; ", e.Errors);
            await request.AnswerAsync(400, SandboxAnswers.GraphError("(#100) Invalid parameter", "OAuthException", 100, details)).ConfigureAwait(false);
            return;
        }
        catch (MalformedJsonException e)
        {
            await request.AnswerAsync(400, SandboxAnswers.GraphError("(#100) Invalid parameter", "OAuthException", 100, e.Message)).ConfigureAwait(false);
            return;
        }

        var id = SandboxAnswers.NewMessageId();
        _messages.Add(new SandboxMessage(id, message.To, body, DateTimeOffset.UtcNow));

        await request.AnswerAsync(200, SandboxAnswers.Accepted(message.To, id)).ConfigureAwait(false);
    }

    private async Task PostMediaAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var request = await BeginAsync(context, body, recipient: null).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        // Parse the multipart body we already hold, so that the exact bytes stay on record.
        context.Request.Body = new MemoryStream(body, writable: false);
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
        _media.Add(new SandboxMedia(id, file.FileName, file.ContentType, file.Length));

        await request.AnswerAsync(200, SandboxAnswers.MediaUploaded(id)).ConfigureAwait(false);
    }

    private async Task ListMessagesAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        var json = new Utf8JsonWriter(context.Response.BodyWriter, SandboxAnswers.WriterOptions);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteStartArray("messages");
            foreach (var message in Messages)
            {
                json.WriteStartObject();
                json.WriteString("id", message.Id);
                json.WriteString("to", message.To);
                json.WriteString("received_at", message.ReceivedAt);
                json.WritePropertyName("body");
                json.WriteRawValue(message.Body.Span, skipInputValidation: true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>
    /// What every API route does first, as the API does: a matching fault, then the key. Returns null when that has
    /// answered the request already.
    /// </summary>
    private async Task<PendingRequest?> BeginAsync(HttpContext context, byte[] body, string? recipient)
    {
        var request = new PendingRequest(context, body, this);
        if (!await request.PlayFaultAsync(recipient).ConfigureAwait(false))
        {
            return null;
        }

        if (!request.ApiKeyAccepted)
        {
            await request.AnswerAsync(401, SandboxAnswers.InvalidApiKey).ConfigureAwait(false);
            return null;
        }

        return request;
    }

    private static byte[] MediaError(string details) =>
        SandboxAnswers.GraphError("(#131053) Media upload error", "OAuthException", WhatsAppErrorCodes.MediaUploadError, details);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The top-level <c>to</c>, for faults aimed at one recipient; null when absent or unreadable.</summary>
    private static string? TryReadRecipient(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTo = reader.ValueTextEquals("to"u8);
                reader.Read();
                if (isTo && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Unreadable bodies are rejected later, by the schema check.
        }

        return null;
    }

    private void Record(SandboxRequest request)
    {
        _requests.Add(request);
        _requestObserved?.Invoke(request);
    }

    /// <summary>A thread-safe record that keeps the newest <c>capacity</c> items.</summary>
    private sealed class RecordList<T>(int capacity)
    {
        private readonly Queue<T> _items = new();

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Enqueue(item);
                while (_items.Count > capacity)
                {
                    _items.Dequeue();
                }
            }
        }

        public T[] Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>One request on its way to an answer; records itself exactly once.</summary>
    private sealed class PendingRequest(HttpContext context, byte[] body, SandboxServer sandbox)
    {
        private SandboxFault? _fault;

        public bool ApiKeyAccepted { get; } = context.Request.Headers.TryGetValue(ApiKeyHeaderName, out var presented)
            && presented.Count == 1
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[0] ?? ""), sandbox._apiKeyBytes);

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
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = answer.Length;
            return context.Response.Body.WriteAsync(answer, context.RequestAborted).AsTask();
        }

        private void RecordAs(int statusCode) => sandbox.Record(new SandboxRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType, ApiKeyAccepted, body, statusCode, _fault));
    }

    /// <summary>Starts and stops with <see cref="StartAsync"/> and <see cref="DisposeAsync"/> only.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
