namespace MessageGen.Webhooks;

/// <summary>Handles webhook events; registered in DI and resolved per delivery by <c>MapWhatsAppWebhook&lt;THandler&gt;</c>.</summary>
public interface IWhatsAppWebhookHandler
{
    /// <summary>Handles one event. Throwing answers the delivery with 500, so that the API delivers it again.</summary>
    Task HandleAsync(WhatsAppEvent whatsAppEvent, CancellationToken cancellationToken);
}
