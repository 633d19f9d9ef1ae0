using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MessageGen.Webhooks;

/// <summary>Registers the webhook endpoint's services.</summary>
public static class WhatsAppWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapWhatsAppWebhook</c> needs: the options (checked at start: a header or a signature key is required
    /// unless <see cref="WhatsAppWebhookOptions.AllowUnauthenticated"/>), the in-memory <see cref="IWebhookEventStore"/>
    /// unless one is registered, and the <c>MessageGen.Webhooks</c> meter.
    /// </summary>
    public static IServiceCollection AddWhatsAppWebhooks(this IServiceCollection services, Action<WhatsAppWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WhatsAppWebhookOptions>()
            .Configure(configure)
            .Validate(
                o => string.IsNullOrEmpty(o.HeaderName) == string.IsNullOrEmpty(o.HeaderValue),
                "Set both WhatsAppWebhookOptions.HeaderName and HeaderValue (the header configured with the webhook URL), or neither.")
            .Validate(
                o => o.AllowUnauthenticated || !string.IsNullOrEmpty(o.HeaderValue) || !string.IsNullOrEmpty(o.SignatureKey),
                "The webhook endpoint would accept anyone's deliveries: set WhatsAppWebhookOptions.HeaderName and HeaderValue (the header configured with the webhook URL) or SignatureKey, or AllowUnauthenticated = true for a local test.")
            .Validate(o => o.DeduplicationWindow > TimeSpan.Zero && o.DeduplicationCapacity > 0, "DeduplicationWindow and DeduplicationCapacity must be positive.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookEventStore, InMemoryWebhookEventStore>();
        services.TryAddSingleton<WebhookAuthenticator>();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<WebhookRequestHandler>();
        return services;
    }
}
