using System.Collections.Concurrent;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>What a user does: depends on <see cref="IWhatsAppClient"/> and puts a fake in its place in tests.</summary>
public sealed class FakeClientTests
{
    [Fact]
    public async Task A_users_fake_stands_in_for_the_client()
    {
        var fake = new FakeWhatsAppClient();
        var notifier = new OrderNotifier(fake);

        var wamid = await notifier.NotifyShippedAsync("+15550001234");

        Assert.Equal("wamid.fake-1", wamid);
        var sent = Assert.IsType<Schema.VideoMessage>(Assert.Single(fake.Sent));
        Assert.Equal("+15550001234", sent.To);
    }

    [Fact]
    public async Task The_real_client_is_the_same_users_dependency()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var wamid = await new OrderNotifier(client).NotifyShippedAsync("+15550001234");

        Assert.Equal(Assert.Single(sandbox.Messages).Id, wamid);
    }

    [Fact]
    public async Task WithApiKey_through_the_interface_gives_a_client_for_the_other_number()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        IWhatsAppClient asInterface = client;

        var other = asInterface.WithApiKey("other-number-key");
        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => other.SendAsync(Messages.Video()));

        Assert.IsType<WhatsAppClient>(other);
        Assert.Equal(client.BaseAddress, other.BaseAddress);
        Assert.True(error.IsAuthenticationFailure);
    }

    /// <summary>A user's class: it only knows the interface.</summary>
    private sealed class OrderNotifier(IWhatsAppClient whatsApp)
    {
        public async Task<string> NotifyShippedAsync(string phone)
        {
            var result = await whatsApp.SendAsync(Messages.Video(phone, "Your order has shipped"));
            return result.MessageId;
        }
    }

    /// <summary>A user's fake: records messages and answers with made-up ids; everything else is unused here.</summary>
    private sealed class FakeWhatsAppClient : IWhatsAppClient
    {
        private int _count;

        public ConcurrentQueue<IWhatsAppMessage> Sent { get; } = new();

        public Uri BaseAddress { get; } = new("https://fake.example/");

        public IWhatsAppClient WithApiKey(string apiKey) => this;

        public Task<SendMessageResult> SendAsync(IWhatsAppMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue(message);
            return Task.FromResult(new SendMessageResult($"wamid.fake-{Interlocked.Increment(ref _count)}", "accepted", "+15550001234"));
        }

        public async Task<IReadOnlyList<BulkSendResult>> SendManyAsync(
            IReadOnlyList<IWhatsAppMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default)
        {
            var results = new List<BulkSendResult>();
            for (var i = 0; i < messages.Count; i++)
            {
                results.Add(new BulkSendResult(i, messages[i], await SendAsync(messages[i], cancellationToken), null, Attempted: true));
            }

            return results;
        }

        public Task<string> UploadMediaAsync(Stream content, string fileName, string mimeType, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<string> UploadImageAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<string> UploadAudioAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<string> UploadDocumentAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<string> UploadStickerAsync(Stream content, string fileName, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<string> UploadVideoAsync(Stream content, string fileName, VideoUploadOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult("media-1");

        public Task<SendMessageResult> SendImageAsync(string to, string filePath, string? caption = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SendMessageResult> SendAudioAsync(string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SendMessageResult> SendDocumentAsync(string to, string filePath, string? caption = null, string? filename = null, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SendMessageResult> SendStickerAsync(string to, string filePath, MediaUploadOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SendMessageResult> SendVideoAsync(string to, string filePath, string? caption = null, VideoUploadOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<MediaDownload> DownloadMediaAsync(string mediaId, string path, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<MediaDownload> DownloadMediaAsync(string mediaId, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SetWebhookAsync(Uri url, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<WebhookConfiguration> GetWebhookAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new WebhookConfiguration(null, new Dictionary<string, string>()));

        public Task<WhatsAppTemplates> GetTemplatesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
