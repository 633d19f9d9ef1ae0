using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class UploadMediaTests
{
    [Fact]
    public async Task Uploads_the_file_as_multipart_and_returns_the_media_id()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        using var file = new MemoryStream(bytes);

        var mediaId = await client.UploadMediaAsync(file, "clip.mp4", "video/mp4");

        var media = Assert.Single(sandbox.Media);
        Assert.Equal(media.Id, mediaId);
        Assert.Equal("clip.mp4", media.FileName);
        Assert.Equal("video/mp4", media.MimeType);
        Assert.Equal(bytes.Length, media.Length);
        var request = Assert.Single(sandbox.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.True(request.ApiKeyAccepted);
        Assert.True(file.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task A_seekable_stream_is_sent_again_in_full_after_a_server_error()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503).ForPath("/media"));

        await client.UploadMediaAsync(new MemoryStream(new byte[4096]), "clip.mp4", "video/mp4");

        Assert.Equal([503, 200], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal(4096, Assert.Single(sandbox.Media).Length);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_not_retried()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503).ForPath("/media"));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(
            () => client.UploadMediaAsync(new NonSeekableStream(new byte[100]), "clip.mp4", "video/mp4"));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task A_rejected_upload_carries_the_media_error_code()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MaxMediaBytes = 1000 });
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(
            () => client.UploadMediaAsync(new MemoryStream(new byte[2000]), "big.mp4", "video/mp4"));

        Assert.Equal(WhatsAppErrorCodes.MediaUploadError, error.ErrorCode);
        Assert.Contains("limit is 1000", error.Details, StringComparison.Ordinal);
    }
}
