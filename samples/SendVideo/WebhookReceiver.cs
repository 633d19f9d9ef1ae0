using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using MessageGen;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The sample's webhook endpoint on 127.0.0.1: MessageGen.AspNetCore's MapWhatsAppWebhook, registered with the API
/// (here the sandbox) through <see cref="WhatsAppClient.SetWebhookAsync"/> with a secret header.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly string[] s_finalStatuses = ["read", "failed"];

    private readonly WebApplication _app;
    private readonly Channel<MessageStatusEvent> _statuses = Channel.CreateUnbounded<MessageStatusEvent>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync(WhatsAppClient client)
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddWhatsAppWebhooks(o => (o.HeaderName, o.HeaderValue) = ("X-Sample-Secret", secret));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapWhatsAppWebhook("/webhooks/whatsapp", (e, _) =>
        {
            if (e is MessageStatusEvent status)
            {
                receiver._statuses.Writer.TryWrite(status);
            }

            return Task.CompletedTask;
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await client.SetWebhookAsync(new Uri(address + "/webhooks/whatsapp"), new Dictionary<string, string> { ["X-Sample-Secret"] = secret });
        return receiver;
    }

    /// <summary>The statuses of one message as they arrive, until it is read or failed, or <paramref name="timeout"/> passes.</summary>
    public async IAsyncEnumerable<MessageStatusEvent> StatusesOf(string messageId, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            MessageStatusEvent status;
            try
            {
                status = await _statuses.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            if (status.MessageId != messageId)
            {
                continue;
            }

            yield return status;
            if (s_finalStatuses.Contains(status.Status))
            {
                yield break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
