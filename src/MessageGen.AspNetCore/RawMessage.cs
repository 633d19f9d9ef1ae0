using System.Text.Json;

namespace MessageGen.Webhooks;

/// <summary>An inbound message as received: its JSON text and the members every kind has, whatever its type.</summary>
internal sealed record RawMessage(string Json, string Id, string From, string? Timestamp)
{
    /// <summary>
    /// The messages of each change of a notification (<c>entry[].changes[].value.messages[]</c>), in the order the
    /// generated reader reads them. Only called on a body that reader accepted, and only when it holds messages.
    /// </summary>
    public static List<RawMessage> FindAll(ReadOnlyMemory<byte> notification)
    {
        var found = new List<RawMessage>();
        using var document = JsonDocument.Parse(notification);
        foreach (var entry in Items(document.RootElement, "entry"))
        {
            foreach (var change in Items(entry, "changes"))
            {
                if (change.TryGetProperty("value", out var value))
                {
                    foreach (var message in Items(value, "messages"))
                    {
                        found.Add(Read(message));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The items of the array member <paramref name="arrayName"/>; none when there is no such array.</summary>
    private static JsonElement[] Items(JsonElement parent, string arrayName)
        => parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(arrayName, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static RawMessage Read(JsonElement message)
        => new(message.GetRawText(), Text(message, "id") ?? string.Empty, Text(message, "from") ?? string.Empty, Text(message, "timestamp"));

    private static string? Text(JsonElement message, string name)
        => message.ValueKind == JsonValueKind.Object && message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
