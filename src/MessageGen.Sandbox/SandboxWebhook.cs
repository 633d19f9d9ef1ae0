using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MessageGen.Sandbox;

/// <summary>
/// Where the sandbox delivers its webhook notifications, as <c>POST /v1/configs/webhook</c> sets it: a URL on a loopback
/// address and the headers sent with every delivery. The header values are secrets: <see cref="ToString"/> names the
/// headers only.
/// </summary>
public sealed class SandboxWebhook
{
    /// <summary>The most headers a webhook takes.</summary>
    public const int MaxHeaders = 20;

    /// <summary>The longest header name or value, in characters.</summary>
    public const int MaxHeaderLength = 4096;

    /// <summary>The longest URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Checks and keeps a webhook configuration.</summary>
    /// <param name="url">An absolute <c>http</c> or <c>https</c> URL on a loopback address (127.0.0.0/8, [::1] or localhost).</param>
    /// <param name="headers">Headers sent with every delivery, such as <c>X-Secret</c>; none when null.</param>
    /// <exception cref="ArgumentException">The URL is not an http(s) URL on a loopback address, or a header cannot be sent as given.</exception>
    public SandboxWebhook(Uri url, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if ((ProblemWithUrl(url.OriginalString) ?? ProblemWithHeaders(headers)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Url = url;
        Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where notifications are POSTed.</summary>
    public Uri Url { get; }

    /// <summary>The headers sent with every delivery (names compared ignoring case).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Makes a webhook from text, as a request or the command line gives it; on failure, says why.</summary>
    public static bool TryCreate(
        string url, IReadOnlyDictionary<string, string>? headers, [NotNullWhen(true)] out SandboxWebhook? webhook, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(url);
        problem = ProblemWithUrl(url) ?? ProblemWithHeaders(headers);
        webhook = problem is null ? new SandboxWebhook(new Uri(url, UriKind.Absolute), headers) : null;
        return webhook is not null;
    }

    /// <summary>The URL and the header names; never the values.</summary>
    public override string ToString() =>
        Headers.Count == 0 ? Url.ToString() : $"{Url} (headers: {string.Join(", ", Headers.Keys)})";

    private static string? ProblemWithUrl(string url)
    {
        if (url.Length > MaxUrlLength)
        {
            return $"The webhook URL is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"The webhook URL must be an absolute http or https URL, not '{SandboxAnswers.Shown(url)}'.";
        }

        return IsLoopback(uri)
            ? null
            : $"The sandbox delivers webhooks to loopback addresses only (127.0.0.1, [::1] or localhost), not to '{SandboxAnswers.Shown(uri.Host)}'.";
    }

    /// <summary>An IP literal on a loopback address, or exactly <c>localhost</c>: a name that could resolve elsewhere is refused.</summary>
    internal static bool IsLoopback(Uri uri) => uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        ? IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)
        : uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static string? ProblemWithHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        if (headers.Count > MaxHeaders)
        {
            return $"A webhook takes at most {MaxHeaders} headers.";
        }

        if (headers.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() < headers.Count)
        {
            return "A header is named twice (names are compared ignoring case).";
        }

        // Only what HTTP allows on a request: a token for the name, no line breaks or other control characters in the value.
        using var probe = new HttpRequestMessage();
        foreach (var (name, value) in headers)
        {
            if (name.Length is 0 or > MaxHeaderLength || value is null || value.Length > MaxHeaderLength)
            {
                return $"A header name must be 1 to {MaxHeaderLength} characters long, and its value a string of at most {MaxHeaderLength}.";
            }

            if (value.Any(c => char.IsControl(c) && c != '\t') || !probe.Headers.TryAddWithoutValidation(name, value))
            {
                return $"The header '{SandboxAnswers.Shown(name)}' cannot be sent with a delivery: its name must be an HTTP token and not a content header, its value free of control characters.";
            }
        }

        return null;
    }
}
