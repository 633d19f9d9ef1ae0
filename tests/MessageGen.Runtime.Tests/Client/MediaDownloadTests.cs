using System.Net;
using System.Security.Cryptography;
using System.Text;
using MessageGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>DownloadMediaAsync against a real Kestrel server that answers as the API does.</summary>
public sealed class MediaDownloadTests : IDisposable
{
    private const string MediaId = "1003383421387256";
    private const string DownloadPath = "/whatsapp_business/attachments/";
    private const string DownloadQuery = "?mid=1003383421387256&ext=1750263773&hash=ATsq";

    private readonly byte[] _bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
    private readonly string _directory = Directory.CreateTempSubdirectory("mg-download-").FullName;

    [Fact]
    public async Task The_media_is_downloaded_from_the_APIs_host_with_the_key_and_checked()
    {
        await using var server = await ApiAsync(Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant());
        using var client = Client(server);
        var path = Path.Combine(_directory, "photo.jpg");

        var download = await client.DownloadMediaAsync(MediaId, path);

        Assert.Equal(_bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(new MediaDownload(MediaId, "image/jpeg", _bytes.Length, Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant()), download);
        var requests = server.Requests.ToArray();
        Assert.Equal(["/" + MediaId, DownloadPath], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal("test-key", r.Headers["D360-API-KEY"]));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_hash_in_base64_as_webhooks_give_it_is_checked_too()
    {
        await using var server = await ApiAsync(Convert.ToBase64String(SHA256.HashData(_bytes)));
        using var client = Client(server);
        using var destination = new MemoryStream();

        await client.DownloadMediaAsync(MediaId, destination);

        Assert.Equal(_bytes, destination.ToArray());
    }

    [Fact]
    public async Task Damaged_media_leaves_no_file()
    {
        await using var server = await ApiAsync(Convert.ToHexString(SHA256.HashData([1, 2, 3])));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.DownloadMediaAsync(MediaId, Path.Combine(_directory, "photo.jpg")));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task More_bytes_than_announced_are_not_read_past_the_size()
    {
        await using var server = await ApiAsync(sha256: null, announcedSize: 1000);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.DownloadMediaAsync(MediaId, Path.Combine(_directory, "photo.jpg")));

        Assert.Contains("larger than the 1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData(404, 1)]
    [InlineData(401, 1)]
    [InlineData(503, 2)]
    public async Task A_4xx_of_the_download_is_final_and_a_5xx_is_retried(int status, int downloadRequests)
    {
        var downloads = 0;
        await using var server = await ApiAsync(sha256: null, downloadAnswer: async context =>
        {
            if (Interlocked.Increment(ref downloads) == 1 || status < 500)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync("""{"error":{"message":"URL expired","code":131052}}""");
                return;
            }

            await context.Response.Body.WriteAsync(_bytes);
        });
        using var client = Client(server);
        using var destination = new MemoryStream();

        var download = status < 500 ? null : await client.DownloadMediaAsync(MediaId, destination);
        if (status < 500)
        {
            var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.DownloadMediaAsync(MediaId, destination));
            Assert.Equal(status, (int)error.StatusCode);
        }

        Assert.Equal(downloadRequests, downloads);
        Assert.Equal(status < 500 ? null : _bytes.Length, download?.Length);
    }

    [Fact]
    public async Task An_unknown_media_id_is_the_APIs_error()
    {
        await using var server = await ScriptedServer.AnsweringAsync(404, Encoding.UTF8.GetBytes("""{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100}}"""));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.DownloadMediaAsync("nope", new MemoryStream()));

        Assert.Equal(100, error.ErrorCode);
        Assert.Single(server.Requests);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WhatsAppClient Client(ScriptedServer server)
        => new(new WhatsAppClientOptions { ApiKey = "test-key", BaseAddress = server.BaseAddress }, timeProvider: new InstantTimeProvider());

    /// <summary>A server answering GET /{media-id} as the API does (a CDN URL) and the download at that URL's path on itself.</summary>
    private Task<ScriptedServer> ApiAsync(string? sha256, long? announcedSize = null, Func<HttpContext, Task>? downloadAnswer = null)
        => ScriptedServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/" + MediaId)
            {
                var hash = sha256 is null ? string.Empty : $",\"sha256\":\"{sha256}\"";
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    $$"""{"url":"https://cdn.example.com{{DownloadPath}}{{DownloadQuery}}","mime_type":"image/jpeg"{{hash}},"file_size":{{announcedSize ?? _bytes.Length}},"id":"{{MediaId}}","messaging_product":"whatsapp"}""");
            }
            else if (context.Request.Path == DownloadPath && context.Request.QueryString.Value == DownloadQuery)
            {
                await (downloadAnswer ?? (c => c.Response.Body.WriteAsync(_bytes).AsTask()))(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
}
