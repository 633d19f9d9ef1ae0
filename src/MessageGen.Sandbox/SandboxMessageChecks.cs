using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MessageGen.Media;
using MessageGen.Serialization;
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

    /// <summary>How many bytes of an unknown <c>type</c> an answer shows, before <see cref="SandboxAnswers.Shown"/> cuts it to characters.</summary>
    private const int ShownTypeBytes = 256;

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
    public static string? TryReadRecipient(byte[] body) => TopLevelMember.TryReadString(body, "to"u8);

    /// <summary>
    /// Reads and checks a message with the reader of the type its top-level <c>type</c> names; on failure, says why in a
    /// few hundred characters.
    /// </summary>
    public static bool TryRead(byte[] body, [NotNullWhen(true)] out SandboxSentMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        try
        {
            if (!TryFindType(body, out var type, out problem))
            {
                return false;
            }

            message = type.Read(body);
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

        if (message.Media is { Link: { } link } media && !IsHttpUrl(link))
        {
            problem = $"{media.Path}.link: 'link' must be an http or https URL (such as {media.ExampleLink}): the API fetches the {media.Kind.ToShortName()} from it.";
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

    /// <summary>
    /// Finds the type the body's top-level <c>type</c> names, reading only up to it and decoding no other member; false,
    /// with why, when the body is not a JSON object or its <c>type</c> is missing, not a string or not one the sandbox knows.
    /// </summary>
    /// <exception cref="MalformedJsonException">The body is not JSON up to its <c>type</c>.</exception>
    private static bool TryFindType(byte[] body, [NotNullWhen(true)] out SandboxMessageType? type, [NotNullWhen(false)] out string? problem)
    {
        type = null;
        var reader = new Utf8JsonReader(body, JsonInput.ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"$: The message must be a JSON object whose 'type' is one of {SandboxMessageTypes.NamesText}.";
                return false;
            }

            if (!MoveToMember(ref reader, "type"u8))
            {
                problem = $"$.type: Required member 'type' is missing; the sandbox takes the message types {SandboxMessageTypes.NamesText}.";
                return false;
            }
        }
        catch (JsonException e)
        {
            throw new MalformedJsonException("message", e.LineNumber ?? 0, e.BytePositionInLine ?? 0, e.Message, e);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            problem = $"$.type: 'type' must be a string naming the message type: one of {SandboxMessageTypes.NamesText}.";
            return false;
        }

        try
        {
            type = SandboxMessageTypes.Find(ref reader);
        }
        catch (InvalidOperationException)
        {
            // An escape of half a character (\ud800) names no type; shown below as it was sent.
        }

        if (type is not null)
        {
            problem = null;
            return true;
        }

        // The raw token, cut before it is decoded: a hostile type of megabytes costs no more than a short one.
        var shown = Encoding.UTF8.GetString(reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, ShownTypeBytes)]);
        problem = $"$.type: '{SandboxAnswers.Shown(shown)}' is not a message type the API takes; use one of {SandboxMessageTypes.NamesText}.";
        return false;
    }

    /// <summary>
    /// Moves a reader on the start of an object to the value of its member <paramref name="name"/> (the first, if named
    /// twice); false when it has no such member. The members before it are skipped, not decoded.
    /// </summary>
    private static bool MoveToMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool IsHttpUrl(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
