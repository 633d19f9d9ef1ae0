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
