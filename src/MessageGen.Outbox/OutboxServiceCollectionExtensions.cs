using MessageGen;
using MessageGen.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the durable outbox and its hosted sender.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMessageOutbox"/> (and <see cref="MessageOutbox"/>) at <paramref name="store"/> and an
    /// <see cref="OutboxSender"/> hosted service that sends its messages through the registered <see cref="IWhatsAppClient"/>
    /// (<c>AddWhatsAppClient</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="store">A SQLite file path (one machine), or a PostgreSQL connection string (<c>Host=…</c>) for several workers.</param>
    /// <param name="configure">Concurrency, leases and retries of the sender.</param>
    /// <example><code>
    /// services.AddWhatsAppClient(o => o.ApiKey = key).AddRedisRateLimits("localhost:6379");
    /// services.AddWhatsAppOutbox("Host=db;Database=app;Username=app");
    /// </code></example>
    public static IServiceCollection AddWhatsAppOutbox(this IServiceCollection services, string store, Action<OutboxSenderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        var options = new OutboxSenderOptions();
        configure?.Invoke(options);
        options.Check();
        services.TryAddSingleton(_ => MessageOutbox.Open(store));
        services.TryAddSingleton<IMessageOutbox>(provider => provider.GetRequiredService<MessageOutbox>());
        services.AddHostedService(provider => new OutboxSender(
            provider.GetRequiredService<MessageOutbox>(),
            provider.GetRequiredService<IWhatsAppClient>(),
            options,
            provider.GetService<ILoggerFactory>()?.CreateLogger<OutboxSender>()));
        return services;
    }
}
