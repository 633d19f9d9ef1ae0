using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary><c>GET /{media-id}</c> and the download URL it gives, for uploads, as on the API.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxMediaDownloadTests
{
    [Fact]
    public async Task An_upload_is_described_as_the_API_does_and_its_url_downloads_the_same_bytes()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var file = VideoFixtures.Read("main.mp4");
        var mediaId = await both.UploadAsync(file);

        using var described = JsonDocument.Parse(await both.Http.GetStringAsync(new Uri(both.Sandbox.BaseAddress, mediaId)));
        var media = described.RootElement;
        var url = new Uri(media.GetProperty("url").GetString()!);
        using var download = await both.Http.GetAsync(url);

        Assert.Equal(mediaId, media.GetProperty("id").GetString());
        Assert.Equal("video/mp4", media.GetProperty("mime_type").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant(), media.GetProperty("sha256").GetString());
        Assert.Equal(file.Length, media.GetProperty("file_size").GetInt64());
        Assert.Equal("whatsapp", media.GetProperty("messaging_product").GetString());
        Assert.Equal(both.Sandbox.BaseAddress.Authority, url.Authority);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("video/mp4", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_download_is_served_at_the_same_path_and_query_when_a_client_swaps_the_host()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(VideoFixtures.Read("main.mp4"));
        using var described = JsonDocument.Parse(await both.Http.GetStringAsync(new Uri(both.Sandbox.BaseAddress, mediaId)));
        var url = new Uri(described.RootElement.GetProperty("url").GetString()!);

        // What a client does with the API's CDN URL: keep the path and query, use the API's host.
        using var download = await both.Http.GetAsync(new Uri(both.Sandbox.BaseAddress, url.PathAndQuery));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Theory]
    [InlineData("987654321")]
    [InlineData("media-download/?mid=987654321")]
    [InlineData("media-download/")]
    public async Task An_unknown_media_id_is_404_in_the_graph_shape(string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(100, answer.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_download_needs_the_key()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(VideoFixtures.Read("main.mp4"));
        using var described = JsonDocument.Parse(await both.Http.GetStringAsync(new Uri(both.Sandbox.BaseAddress, mediaId)));
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(new Uri(described.RootElement.GetProperty("url").GetString()!));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_oldest_uploads_are_forgotten_beyond_the_byte_limit()
    {
        await using var both = await SandboxAndReceiver.StartAsync(o => o.MaxStoredMediaBytes = 10_000);
        var first = await both.UploadAsync(VideoFixtures.Read("main.mp4"));
        var second = await both.UploadAsync(VideoFixtures.Read("baseline.mp4"));

        using var forgotten = await both.Http.GetAsync(new Uri(both.Sandbox.BaseAddress, first));
        using var kept = await both.Http.GetAsync(new Uri(both.Sandbox.BaseAddress, second));

        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }
}
