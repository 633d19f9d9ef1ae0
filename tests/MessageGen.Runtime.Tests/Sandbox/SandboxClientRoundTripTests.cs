using System.Security.Cryptography;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>The runtime client's webhook and media calls against the sandbox: each proves the other speaks the API.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxClientRoundTripTests
{
    [Fact]
    public async Task The_client_sets_and_reads_the_webhook_and_the_sandbox_delivers_to_it()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        using var client = SandboxClient.Create(both.Sandbox);

        await client.SetWebhookAsync(both.Receiver.Url, new Dictionary<string, string> { [WebhookReceiverApp.HeaderName] = WebhookReceiverApp.HeaderValue });
        var read = await client.GetWebhookAsync();
        await both.SendVideoAsync("+4915112345678");

        Assert.Equal(both.Receiver.Url, read.Url);
        Assert.Equal(WebhookReceiverApp.HeaderValue, read.Headers[WebhookReceiverApp.HeaderName]);
        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
    }

    [Fact]
    public async Task The_client_downloads_an_upload_through_the_sandboxs_media_routes_and_checks_its_hash()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        using var client = SandboxClient.Create(both.Sandbox);
        var file = VideoFixtures.Read("main.mp4");
        var mediaId = await both.UploadAsync(file);
        using var downloaded = new MemoryStream();

        var download = await client.DownloadMediaAsync(mediaId, downloaded);

        Assert.Equal(file, downloaded.ToArray());
        Assert.Equal(new MediaDownload(mediaId, "video/mp4", file.Length, Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant()), download);
    }
}
