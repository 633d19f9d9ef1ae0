using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MessageGen.Sandbox.Schema;
using Microsoft.Net.Http.Headers;

namespace MessageGen.Sandbox;

/// <summary>
/// How the sandbox judges a <c>POST /messages</c> body, as the API does. What it says back is short whatever the body:
/// a hostile body must not turn into a large answer.
/// </summary>
internal static class SandboxMessageChecks
{
    /// <summary>How many violations an answer lists; the rest are only counted.</summary>
    private const int MaxListedViolations = 10;

    /// <summary>The API reads messages as JSON only: <c>application/json</c>, with no charset or with UTF-8.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return !mediaType.Charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The top-level <c>to</c>, for faults aimed at one recipient; null when absent or unreadable.</summary>
    public static string? TryReadRecipient(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTo = reader.ValueTextEquals("to"u8);
                reader.Read();
                if (isTo && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Unreadable bodies (not JSON, not UTF-8, a lone surrogate escape) are rejected later, by the schema check.
        }

        return null;
    }

    /// <summary>Reads and checks a message; on failure, says why in a few hundred characters.</summary>
    public static bool TryRead(byte[] body, [NotNullWhen(true)] out VideoMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        try
        {
            message = VideoMessage.FromJson(body);
        }
        catch (MessageValidationException e)
        {
            problem = Describe(e.Errors, e.TotalCount);
            return false;
        }
        catch (MalformedJsonException e)
        {
            // Not JSON, or text that is not Unicode: invalid UTF-8, or an escape such as \ud800 that is half a character.
            problem = SandboxAnswers.Shown(e.Message);
            return false;
        }

        if (message.Video.Link is { } link && !IsHttpUrl(link))
        {
            problem = "$.video.link: 'link' must be an http or https URL (such as https://example.com/clip.mp4): the API fetches the video from it.";
            message = null;
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The first few violations, each cut short, and how many more there are (of <paramref name="total"/>).</summary>
    public static string Describe(IReadOnlyList<ValidationError> errors, int total)
    {
        var text = new StringBuilder();
        foreach (var error in errors.Take(MaxListedViolations))
        {
            // A violation can quote a member name of any length: each is cut short.
            text.Append(text.Length == 0 ? "" : "; ").Append(SandboxAnswers.Shown(error.ToString()));
        }

        var listed = Math.Min(errors.Count, MaxListedViolations);
        if (total > listed)
        {
            text.Append(CultureInfo.InvariantCulture, $"; and {total - listed} more");
        }

        return text.ToString();
    }

    private static bool IsHttpUrl(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
