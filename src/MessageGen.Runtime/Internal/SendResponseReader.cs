using System.Text.Json;

namespace MessageGen.Internal;

/// <summary>
/// Reads the API's 200 answer to <c>POST /messages</c>. Hand-written over <see cref="Utf8JsonReader"/> rather than the
/// generated <c>SendMessageResponse</c>: it sits on the hot path of every send, needs only three values, must skip
/// whatever else the API adds, and so allocates nothing but the strings it returns (known statuses not even those).
/// </summary>
internal static class SendResponseReader
{
    public static SendMessageResult? TryRead(ReadOnlySpan<byte> json)
    {
        string? id = null, status = null, waId = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (LenientText.ValueIs(ref reader, "messages"u8))
                {
                    reader.Read();
                    ReadFirstItem(ref reader, ref id, ref status, "id"u8, "message_status"u8);
                }
                else if (LenientText.ValueIs(ref reader, "contacts"u8))
                {
                    reader.Read();
                    string? unused = null;
                    ReadFirstItem(ref reader, ref waId, ref unused, "wa_id"u8, default);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return string.IsNullOrEmpty(id) ? null : new SendMessageResult(id, status, waId);
    }

    /// <summary>Reads up to two string members of the first object of an array, skipping everything else.</summary>
    private static void ReadFirstItem(ref Utf8JsonReader reader, ref string? first, ref string? second, ReadOnlySpan<byte> firstName, ReadOnlySpan<byte> secondName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        var arrayDepth = reader.CurrentDepth;
        var isFirstItem = true;
        while (reader.Read() && reader.CurrentDepth > arrayDepth)
        {
            if (!isFirstItem || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            isFirstItem = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFirst = LenientText.ValueIs(ref reader, firstName);
                var isSecond = !isFirst && !secondName.IsEmpty && LenientText.ValueIs(ref reader, secondName);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !(isFirst || isSecond))
                {
                    reader.Skip();
                }
                else if (isFirst)
                {
                    first = LenientText.Get(ref reader);
                }
                else
                {
                    second = KnownStatus(ref reader) ?? LenientText.Get(ref reader);
                }
            }
        }
    }

    /// <summary>The shared string of a documented status, so that the usual answer costs no allocation for it.</summary>
    private static string? KnownStatus(ref Utf8JsonReader reader) =>
        LenientText.ValueIs(ref reader, "accepted"u8) ? WhatsAppMessageStatus.Accepted
        : LenientText.ValueIs(ref reader, "held_for_quality_assessment"u8) ? WhatsAppMessageStatus.HeldForQualityAssessment
        : LenientText.ValueIs(ref reader, "paused"u8) ? WhatsAppMessageStatus.Paused
        : null;
}
