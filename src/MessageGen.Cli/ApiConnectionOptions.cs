using System.CommandLine;

namespace MessageGen.Cli;

/// <summary>The options that say which API to call and with which key: <c>--api-key</c> (or D360_API_KEY) and <c>--base-url</c>.</summary>
internal static class ApiConnectionOptions
{
    public const string ApiKeyVariable = "D360_API_KEY";

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"The sender number's D360-API-KEY. Defaults to the {ApiKeyVariable} environment variable; prefer it, since arguments show in process lists.",
        HelpName = "KEY",
    };

    public static Option<Uri> BaseUrl() => new("--base-url")
    {
        Description = "The API's address: https://, or http:// on this machine (e.g. a 'messagegen sandbox').",
        HelpName = "URL",
        DefaultValueFactory = _ => WhatsAppClientOptions.DefaultBaseAddress,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;

            // IsAbsoluteUri first: on Unix, Uri.TryCreate alone takes "/relative" as file:///relative.
            if (Serialization.SchemaChecks.IsAbsoluteUri(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"--base-url '{text}' is not an absolute URL such as {WhatsAppClientOptions.DefaultBaseAddress}.");
            return null;
        },
    };

    /// <summary>A client for the key and address given, or null after printing why there is none (a usage error).</summary>
    public static async Task<WhatsAppClient?> CreateClientAsync(CliConsole console, string? apiKey, Uri baseUrl, int retries)
    {
        apiKey ??= console.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            await console.Error.WriteLineAsync($"No API key: pass --api-key or set {ApiKeyVariable}.").ConfigureAwait(false);
            return null;
        }

        try
        {
            return new WhatsAppClient(new WhatsAppClientOptions { ApiKey = apiKey, BaseAddress = baseUrl, Retry = { MaxRetries = retries } });
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return null;
        }
    }
}
