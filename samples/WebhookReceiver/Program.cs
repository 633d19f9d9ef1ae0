// Receives the WhatsApp webhooks of a sender number: statuses of sent messages (sent, delivered, read, failed),
// inbound messages and errors. Each event is handed to the handler once; a handler that throws makes the API
// deliver the notification again, so nothing is lost.
using MessageGen.Webhooks;

var builder = WebApplication.CreateBuilder(args);

// The header configured with the webhook URL (POST /v1/configs/webhook, or 'messagegen sandbox --webhook-header').
var secret = builder.Configuration["Webhook:Secret"]
    ?? throw new InvalidOperationException("Set Webhook:Secret, e.g. 'dotnet run -- --Webhook:Secret=s3cret' or the environment variable Webhook__Secret.");
builder.Services.AddWhatsAppWebhooks(o =>
{
    o.HeaderName = "X-Secret";
    o.HeaderValue = secret;
});

var app = builder.Build();
app.MapWhatsAppWebhook("/webhooks/whatsapp", (WhatsAppEvent e, CancellationToken cancellationToken) =>
{
    var line = e switch
    {
        MessageStatusEvent { Status: "failed" } failed =>
            $"{failed.MessageId} failed: {string.Join("; ", failed.Errors.Select(error => $"{error.Code} {error.Title} ({error.Details})"))}",
        MessageStatusEvent status => $"{status.MessageId} {status.Status}",
        InboundMessageEvent { Text: { } text } message => $"{message.From} ({message.ProfileName}) wrote: {text}",
        InboundMessageEvent { Media: { } media } message => $"{message.From} sent {message.Type} {media.Id} ({media.MimeType})",
        InboundMessageEvent message => $"{message.From} sent a {message.Type} message",
        WebhookErrorEvent error => $"error: {string.Join("; ", error.Errors.Select(x => $"{x.Code} {x.Title}"))}",
        _ => e.ToString(),
    };
    app.Logger.LogInformation("{Event}", line);
    return Task.CompletedTask;
});

app.Run();
