using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MessageGen.Internal;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    private string? _rateLimitScope;

    /// <summary>The sender number's id for <see cref="ISendRateLimiter"/>: a hash of the key, so that the key never leaves the process.</summary>
    internal string RateLimitScope => _rateLimitScope ??= ScopeOf(_apiKey);

    internal static string ScopeOf(string apiKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("MessageGen.RateLimit\n" + apiKey), hash);
        return Convert.ToHexString(hash[..12]).ToLowerInvariant();
    }

    /// <summary>
    /// The top-level <c>to</c> of a message body without its leading <c>+</c>, since <c>+4915…</c> and <c>4915…</c> are one
    /// user to the pair limit; empty when it has none.
    /// </summary>
    private static string RecipientOf(PooledBuffer body)
    {
        var reader = new Utf8JsonReader(body.WrittenSpan);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return string.Empty;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTo = reader.ValueTextEquals("to"u8);
            reader.Read();
            if (isTo && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString()?.TrimStart('+') ?? string.Empty;
            }

            reader.Skip();
        }

        return string.Empty;
    }
}
