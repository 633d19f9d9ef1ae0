using System.Collections.Concurrent;
using System.Text;
using MessageGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>
/// A real server on 127.0.0.1 that answers <c>POST /media</c> and <c>POST /messages</c> in the API's shapes and keeps what
/// it received, byte for byte: every upload's multipart parts and every message body, whatever the message type.
/// </summary>
internal sealed class MediaApi : IAsyncDisposable
{
    public const string MediaId = "987654321";
    public const string MessageId = "wamid.HBgLMTU1NTAwMDEyMzQVAgARGBI5QTFGMDYxN0Y2NDc3M0I2RkIA";

    private readonly ScriptedServer _server;

    private MediaApi(ScriptedServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _server.Requests];

    /// <summary>The bodies POSTed to <c>/messages</c>, as UTF-8 text.</summary>
    public IReadOnlyList<string> Messages => [.. Requests.Where(r => r.Path == "/messages").Select(r => Encoding.UTF8.GetString(r.Body))];

    /// <summary>The uploads POSTed to <c>/media</c>, read from their multipart bodies.</summary>
    public ConcurrentQueue<Upload> Uploads { get; } = new();

    public static async Task<MediaApi> StartAsync()
    {
        MediaApi? api = null;
        var server = await ScriptedServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/media")
            {
                // The body was read already (and recorded); parse the recorded copy.
                var recorded = api!._server.Requests.Last();
                api.Uploads.Enqueue(await Upload.ReadAsync(recorded));
                await Answer(context, $$"""{"id":"{{MediaId}}"}""");
            }
            else
            {
                await Answer(context, $$"""{"contacts":[{"input":"+15550001234","wa_id":"15550001234"}],"messages":[{"id":"{{MessageId}}","message_status":"accepted"}],"messaging_product":"whatsapp"}""");
            }
        });
        api = new MediaApi(server);
        return api;
    }

    public WhatsAppClient CreateClient() => new(new WhatsAppClientOptions
    {
        ApiKey = "test-key",
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new WhatsAppRetryOptions { MaxRetries = 0 },
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Task Answer(HttpContext context, string json)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    /// <summary>One multipart upload: the file part's name, content type and bytes, and the <c>messaging_product</c> field.</summary>
    internal sealed record Upload(string? FileName, string? ContentType, byte[] Bytes, string? MessagingProduct)
    {
        public static async Task<Upload> ReadAsync(RecordedRequest request)
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]).Boundary).Value!;
            var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
            string? fileName = null, contentType = null, product = null;
            byte[] bytes = [];
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content);
                if (disposition.Name.Value?.Trim('"') == "file")
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    contentType = section.ContentType;
                    bytes = content.ToArray();
                }
                else if (disposition.Name.Value?.Trim('"') == "messaging_product")
                {
                    product = Encoding.UTF8.GetString(content.ToArray());
                }
            }

            return new Upload(fileName, contentType, bytes, product);
        }
    }
}
