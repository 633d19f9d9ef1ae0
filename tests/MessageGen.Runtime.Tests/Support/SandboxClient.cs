using MessageGen.Sandbox;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Support;

/// <summary>Options for a client aimed at a sandbox: its address and key, fast no-jitter retries, a short timeout.</summary>
internal static class SandboxClient
{
    public static WhatsAppClientOptions Options(SandboxServer sandbox, Action<WhatsAppClientOptions>? configure = null)
    {
        var options = new WhatsAppClientOptions
        {
            ApiKey = sandbox.ApiKey,
            BaseAddress = sandbox.BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
            Retry = new WhatsAppRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), UseJitter = false },
        };
        configure?.Invoke(options);
        return options;
    }

    public static WhatsAppClient Create(
        SandboxServer sandbox, Action<WhatsAppClientOptions>? configure = null, TimeProvider? time = null, ILogger? logger = null) =>
        new(Options(sandbox, configure), logger, time ?? new InstantTimeProvider());
}
