using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MessageGen.Webhooks;

/// <summary>Checks a delivery's header and signature. Secrets are compared as hashes in constant time and never logged.</summary>
internal sealed class WebhookAuthenticator
{
    /// <summary>The header of partner webhooks: the hex HMAC-SHA256 of the raw body.</summary>
    public const string SignatureHeader = "x-360dialog-signature";

    private readonly string? _headerName;
    private readonly byte[]? _headerValueHash;
    private readonly byte[]? _signatureKey;

    public WebhookAuthenticator(IOptions<WhatsAppWebhookOptions> options)
    {
        var o = options.Value;
        _headerName = string.IsNullOrEmpty(o.HeaderName) ? null : o.HeaderName;
        _headerValueHash = _headerName is null || o.HeaderValue is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(o.HeaderValue));
        _signatureKey = string.IsNullOrEmpty(o.SignatureKey) ? null : Encoding.UTF8.GetBytes(o.SignatureKey);
    }

    /// <summary>Whether the signature must be checked, which needs the body.</summary>
    public bool ChecksSignature => _signatureKey is not null;

    /// <summary>Whether the request carries the configured header with the configured value (true when none is configured).</summary>
    public bool HeaderMatches(IHeaderDictionary headers)
    {
        if (_headerValueHash is null)
        {
            return true;
        }

        // Hashing first makes the comparison take the same time whatever the length of the value presented.
        var presented = headers[_headerName!];
        return presented.Count == 1
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented[0] ?? string.Empty)), _headerValueHash);
    }

    /// <summary>Whether <c>x-360dialog-signature</c> is the HMAC-SHA256 of <paramref name="body"/> (true when no key is configured).</summary>
    public bool SignatureMatches(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (_signatureKey is null)
        {
            return true;
        }

        var presented = headers[SignatureHeader];
        if (presented.Count != 1 || presented[0] is not { } hex)
        {
            return false;
        }

        // Some senders prefix the algorithm, as Meta does ("sha256=...").
        hex = hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? hex["sha256=".Length..] : hex;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_signatureKey, body, expected);
        return TryParseHex(hex, out var given) && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static bool TryParseHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
