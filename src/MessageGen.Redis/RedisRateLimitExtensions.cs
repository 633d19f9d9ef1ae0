using MessageGen;
using MessageGen.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Holds a WhatsApp client's sending limits in Redis, across every process that uses the same Redis.</summary>
public static class RedisRateLimitExtensions
{
    /// <summary>
    /// Makes every send of the client registered by <paramref name="builder"/> wait on a <see cref="RedisSendRateLimiter"/>:
    /// the per-number throughput limit and the per-recipient pair limit then hold across every process that uses the Redis
    /// at <paramref name="configuration"/>. Without it, no limit is shared.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWhatsAppClient</c>.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>; it is never logged.</param>
    /// <param name="configure">Changes the limits (default 80 messages/s per number, pair limit 1 per 6 s after a burst of 45) and retry settings.</param>
    /// <example><code>services.AddWhatsAppClient(o => o.ApiKey = key).AddRedisRateLimits("localhost:6379", o => o.Limits.MessagesPerSecond = 250);</code></example>
    public static IHttpClientBuilder AddRedisRateLimits(this IHttpClientBuilder builder, string configuration, Action<RedisSendRateLimiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = new RedisSendRateLimiterOptions();
        configure?.Invoke(options);
        builder.Services.TryAddSingleton<RedisRateLimitConnections>();
        return builder.AddSendRateLimiter(provider =>
        {
            var connections = provider.GetRequiredService<RedisRateLimitConnections>();
            return new RedisSendRateLimiter(_ => connections.GetAsync(configuration), options, provider.GetService<ILoggerFactory>()?.CreateLogger<RedisSendRateLimiter>());
        });
    }

    /// <summary>
    /// As <see cref="AddRedisRateLimits(IHttpClientBuilder, string, Action{RedisSendRateLimiterOptions}?)"/>, over a connection
    /// the application already has (registered as <see cref="IConnectionMultiplexer"/>, for instance).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWhatsAppClient</c>.</param>
    /// <param name="connection">Gets the connection from the application's services; not disposed by the limiter.</param>
    /// <param name="configure">Changes the limits and retry settings.</param>
    public static IHttpClientBuilder AddRedisRateLimits(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisSendRateLimiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        var options = new RedisSendRateLimiterOptions();
        configure?.Invoke(options);
        return builder.AddSendRateLimiter(provider => new RedisSendRateLimiter(
            connection(provider), options, provider.GetService<ILoggerFactory>()?.CreateLogger<RedisSendRateLimiter>()));
    }
}
