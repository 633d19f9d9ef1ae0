using System.Security.Cryptography;
using System.Text;
using MessageGen.Internal;
using MessageGen.Serialization;

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
    private static string RecipientOf(PooledBuffer body) => TopLevelMember.TryReadString(body.WrittenSpan, "to"u8)?.TrimStart('+') ?? string.Empty;
}
