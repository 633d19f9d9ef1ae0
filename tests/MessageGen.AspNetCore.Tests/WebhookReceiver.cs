using System.Collections.Concurrent;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MessageGen.AspNetCore.Tests;

/// <summary>A real ASP.NET Core app on 127.0.0.1 (a free port) with the webhook endpoint, recording what its handler got.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Path = "/webhooks/whatsapp";
    public const string HeaderName = "X-Secret";
    public const string HeaderValue = "s3cr3t-header-value";

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, FakeLogCollector logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Received = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "MessageGen.Webhooks", "messagegen.webhooks.events.received");
        Handled = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "MessageGen.Webhooks", "messagegen.webhooks.events.handled");
        Duplicates = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "MessageGen.Webhooks", "messagegen.webhooks.events.duplicates");
        Failed = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "MessageGen.Webhooks", "messagegen.webhooks.events.failed");
    }

    public HttpClient Client { get; }

    public ConcurrentQueue<WhatsAppEvent> Events { get; } = new();

    public FakeLogCollector Logs { get; }

    public MetricCollector<long> Received { get; }

    public MetricCollector<long> Handled { get; }

    public MetricCollector<long> Duplicates { get; }

    public MetricCollector<long> Failed { get; }

    /// <summary>Runs before an event is recorded; throw from it to make the handler fail.</summary>
    public Func<WhatsAppEvent, CancellationToken, Task>? BeforeRecording { get; set; }

    public static async Task<WebhookReceiver> StartAsync(Action<WhatsAppWebhookOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddWhatsAppWebhooks(o =>
        {
            o.HeaderName = HeaderName;
            o.HeaderValue = HeaderValue;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapWhatsAppWebhook(Path, async (WhatsAppEvent e, CancellationToken ct) =>
        {
            if (receiver!.BeforeRecording is { } before)
            {
                await before(e, ct);
            }

            receiver.Events.Enqueue(e);
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app, app.Services.GetFakeLogCollector());
        return receiver;
    }

    /// <summary>Posts <paramref name="body"/> with the right header unless <paramref name="header"/> says otherwise.</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? header = HeaderValue, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (header is not null)
        {
            request.Headers.Add(HeaderName, header);
        }

        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Received.Dispose();
        Handled.Dispose();
        Duplicates.Dispose();
        Failed.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
