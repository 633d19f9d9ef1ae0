using MessageGen;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="WhatsAppClient"/>s with <c>IHttpClientFactory</c> and the options pattern.</summary>
public static class WhatsAppServiceCollectionExtensions
{
    private const string HttpClientNamePrefix = "MessageGen.WhatsApp";

    /// <summary>
    /// Registers the default <see cref="WhatsAppClient"/> (inject it, or <see cref="IWhatsAppClient"/>, directly) configured
    /// by <paramref name="configure"/>. Returns the <see cref="IHttpClientBuilder"/> of its connections, to add handlers or
    /// change the primary handler.
    /// </summary>
    /// <remarks>
    /// The client retries by itself (see <see cref="WhatsAppRetryOptions"/>); do not add a retrying handler (such as a
    /// standard resilience handler) to the builder, or failed sends are retried twice over and unknown outcomes resent.
    /// <see cref="IWhatsAppClient"/> resolves to whatever <see cref="WhatsAppClient"/> resolves to (a new client over pooled
    /// connections each time, unless <see cref="WhatsAppClient"/> was registered otherwise first), so the two never differ.
    /// </remarks>
    public static IHttpClientBuilder AddWhatsAppClient(this IServiceCollection services, Action<WhatsAppClientOptions> configure)
    {
        var builder = services.AddWhatsAppClient(Options.Options.DefaultName, configure);
        services.TryAddTransient(provider => provider.GetRequiredService<IWhatsAppClientFactory>().CreateClient(Options.Options.DefaultName));
        services.TryAddTransient<IWhatsAppClient>(provider => provider.GetRequiredService<WhatsAppClient>());
        return builder;
    }

    /// <summary>
    /// Registers a named <see cref="WhatsAppClient"/>, e.g. one per sender number; get it with
    /// <see cref="IWhatsAppClientFactory.CreateClient(string)"/>.
    /// </summary>
    public static IHttpClientBuilder AddWhatsAppClient(this IServiceCollection services, string name, Action<WhatsAppClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<WhatsAppClientOptions>(name).Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppClientOptions>, OptionsValidator>());
        services.TryAddSingleton<IWhatsAppClientFactory, WhatsAppClientFactory>();

        return services.AddHttpClient(HttpClientName(name), http => http.Timeout = Timeout.InfiniteTimeSpan)
            // No redirects: a followed one would carry the key to another host.
            .ConfigurePrimaryHttpMessageHandler(WhatsAppClient.CreateHandler)
            // The factory's request logging hands providers its headers, key included, as structured state; the
            // client logs every request itself, without the key.
            .RemoveAllLoggers();
    }

    /// <summary>
    /// Makes the client registered by <paramref name="builder"/> wait on the limiter <paramref name="factory"/> makes before
    /// every send (it becomes <see cref="WhatsAppClientOptions.RateLimiter"/>). Packages such as MessageGen.Redis build on it.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWhatsAppClient</c>.</param>
    /// <param name="factory">Makes the limiter from the application's services.</param>
    /// <exception cref="ArgumentException"><paramref name="builder"/> was not returned by <c>AddWhatsAppClient</c>.</exception>
    public static IHttpClientBuilder AddSendRateLimiter(this IHttpClientBuilder builder, Func<IServiceProvider, ISendRateLimiter> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddOptions<WhatsAppClientOptions>(ClientNameOf(builder.Name))
            .Configure<IServiceProvider>((options, provider) => options.RateLimiter = factory(provider));
        return builder;
    }

    /// <summary>
    /// Holds the throughput and pair limits in this process for the client registered by <paramref name="builder"/>: its
    /// sends wait on one <see cref="InProcessSendRateLimiter"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWhatsAppClient</c>.</param>
    /// <param name="configure">Changes the limits; the API's defaults otherwise.</param>
    public static IHttpClientBuilder AddInProcessRateLimits(this IHttpClientBuilder builder, Action<SendRateLimitOptions>? configure = null)
    {
        var limits = new SendRateLimitOptions();
        configure?.Invoke(limits);
        var limiter = new InProcessSendRateLimiter(limits);
        return builder.AddSendRateLimiter(_ => limiter);
    }

    /// <summary>The client name of the builder <c>AddWhatsAppClient</c> returned, from its <c>HttpClient</c> name.</summary>
    internal static string ClientNameOf(string httpClientName)
    {
        if (httpClientName == HttpClientNamePrefix)
        {
            return Options.Options.DefaultName;
        }

        if (httpClientName.StartsWith(HttpClientNamePrefix + ":", StringComparison.Ordinal))
        {
            return httpClientName[(HttpClientNamePrefix.Length + 1)..];
        }

        throw new ArgumentException($"The builder of HttpClient '{httpClientName}' was not returned by AddWhatsAppClient.", nameof(httpClientName));
    }

    internal static string HttpClientName(string name) => name.Length == 0 ? HttpClientNamePrefix : $"{HttpClientNamePrefix}:{name}";

    /// <summary>The client's own checks, so that a registration fails as <see cref="OptionsValidationException"/> for exactly what the constructor refuses.</summary>
    private sealed class OptionsValidator : IValidateOptions<WhatsAppClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, WhatsAppClientOptions options)
            => WhatsAppClient.FindProblem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    private sealed class WhatsAppClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<WhatsAppClientOptions> options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null) : IWhatsAppClientFactory
    {
        public WhatsAppClient CreateClient(string name) => new(
            httpClientFactory.CreateClient(HttpClientName(name)),
            options.Get(name),
            loggerFactory?.CreateLogger<WhatsAppClient>(),
            timeProvider);
    }
}
