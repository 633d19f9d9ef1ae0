using System.Text.Json;

namespace MessageGen.Serialization;

/// <summary>Reads one top-level string member of a message body, skipping the rest, without reading the whole body.</summary>
internal static class TopLevelMember
{
    /// <summary>The member's string value; null when the body is not a JSON object, lacks it, or it is not a string.</summary>
    public static string? TryReadString(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
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
                var isMember = reader.ValueTextEquals(name);
                reader.Read();
                if (isMember)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, not UTF-8, or a lone surrogate escape: whoever reads the body whole says what is wrong.
        }

        return null;
    }
}
