using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MessageGen.Webhooks;

/// <summary>Maps the endpoint that receives 360dialog's webhook deliveries.</summary>
public static class WhatsAppWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: each event of an authenticated notification is handed to
    /// <paramref name="handler"/> once, in order; the delivery is answered 200 when all were handled, 500 when one threw.
    /// </summary>
    public static IEndpointConventionBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<WhatsAppEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (e, context) => handler(e, context.RequestAborted));
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> with a <typeparamref name="THandler"/> resolved from the delivery's
    /// scope, so that it can take scoped services (register it, for example with <c>AddScoped</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapWhatsAppWebhook<THandler>(this IEndpointRouteBuilder endpoints, string pattern)
        where THandler : class, IWhatsAppWebhookHandler
        => Map(endpoints, pattern, (e, context) => context.RequestServices.GetRequiredService<THandler>().HandleAsync(e, context.RequestAborted));

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<WhatsAppEvent, Microsoft.AspNetCore.Http.HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var requests = endpoints.ServiceProvider.GetService<WebhookRequestHandler>()
            ?? throw new InvalidOperationException("Call builder.Services.AddWhatsAppWebhooks(...) before app.MapWhatsAppWebhook(...).");
        return endpoints.MapPost(pattern, context => requests.HandleAsync(context, handler));
    }
}
