using System.Collections.Concurrent;
using System.Threading.Channels;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>
/// A receiver as a user writes it: MessageGen.AspNetCore's <c>MapWhatsAppWebhook</c> behind the <c>X-Secret</c> header,
/// on real Kestrel on 127.0.0.1 (a free port). It hands its events to the test in the order the handler got them, and can be told to answer badly.
/// </summary>
internal sealed class WebhookReceiverApp : IAsyncDisposable
{
    public const string HeaderName = "X-Secret";
    public const string HeaderValue = "receiver-secret-7f3a";
    private const string HookPath = "hook";

    /// <summary>How long a test waits for one event before it fails.</summary>
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(15);

    private readonly Channel<WhatsAppEvent> _events = Channel.CreateUnbounded<WhatsAppEvent>();
    private WebApplication _app = null!;
    private Uri _address = null!;
    private int _answersToSpoil;

    /// <summary>Where the sandbox delivers: <c>http://127.0.0.1:PORT/hook</c>.</summary>
    public Uri Url => new(_address, HookPath);

    /// <summary>The header names of every delivery that reached the app, in order.</summary>
    public ConcurrentQueue<string[]> DeliveryHeaders { get; } = new();

    /// <summary>Runs in the handler before an event is handed to the test, e.g. to make it slow.</summary>
    public Func<WhatsAppEvent, Task>? BeforeHandling { get; set; }

    /// <summary>The JSON a webhook config for this receiver takes: its URL and the header it checks.</summary>
    public string ConfigJson => $$$"""{"url":"{{{Url}}}","headers":{"{{{HeaderName}}}":"{{{HeaderValue}}}"}}""";

    public static async Task<WebhookReceiverApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWhatsAppWebhooks(o =>
        {
            o.HeaderName = HeaderName;
            o.HeaderValue = HeaderValue;
        });
        var receiver = new WebhookReceiverApp { _app = builder.Build() };
        receiver._app.Use(receiver.SpoilAnswersAsync);
        receiver._app.MapWhatsAppWebhook("/" + HookPath, receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver._address = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>
    /// Answers the next <paramref name="deliveries"/> deliveries with 500 after the handler has handled them, as a proxy
    /// that loses the answer would: the sandbox delivers them again, and the receiver must not hand their events on twice.
    /// </summary>
    public void SpoilAnswers(int deliveries)
    {
        lock (_events)
        {
            _answersToSpoil = deliveries;
        }
    }

    /// <summary>The next <paramref name="count"/> events the handler got; fails the test when they do not come in time.</summary>
    public async Task<WhatsAppEvent[]> NextEventsAsync(int count)
    {
        var events = new WhatsAppEvent[count];
        for (var i = 0; i < count; i++)
        {
            using var wait = new CancellationTokenSource(EventWait);
            try
            {
                events[i] = await _events.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Event {i + 1} of {count} did not arrive within {EventWait.TotalSeconds} s; got: {string.Join(", ", events.Take(i).Select(Describe))}.");
            }
        }

        return events;
    }

    /// <summary>The statuses the handler got for one message, in order, once <paramref name="count"/> have come.</summary>
    public async Task<string[]> NextStatusesAsync(int count) =>
        [.. (await NextEventsAsync(count)).Select(e => Assert.IsType<MessageStatusEvent>(e).Status)];

    /// <summary>The events that have arrived and were not taken yet, without waiting.</summary>
    public WhatsAppEvent[] EventsSoFar()
    {
        var events = new List<WhatsAppEvent>();
        while (_events.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return [.. events];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Describe(WhatsAppEvent e) => e switch
    {
        MessageStatusEvent status => $"{status.Status} {status.MessageId}",
        InboundMessageEvent inbound => $"inbound {inbound.Type}",
        _ => e.GetType().Name,
    };

    private async Task HandleAsync(WhatsAppEvent e, CancellationToken cancellationToken)
    {
        if (BeforeHandling is { } before)
        {
            await before(e);
        }

        _events.Writer.TryWrite(e);
    }

    private async Task SpoilAnswersAsync(HttpContext context, RequestDelegate next)
    {
        DeliveryHeaders.Enqueue([.. context.Request.Headers.Keys]);
        await next(context);

        // The handler has finished and the answer is not sent yet: it can still be turned into a failure.
        if (!context.Response.HasStarted && TakeAnswerToSpoil())
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private bool TakeAnswerToSpoil()
    {
        lock (_events)
        {
            if (_answersToSpoil == 0)
            {
                return false;
            }

            _answersToSpoil--;
            return true;
        }
    }
}
