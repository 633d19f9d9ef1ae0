using System.Globalization;

namespace MessageGen.Webhooks;

/// <summary>Turns a notification into the events it holds, in the order the API wrote them.</summary>
internal static class WebhookEventReader
{
    /// <summary>The field of the changes that carry messages and statuses; others (template updates, ...) hold no events.</summary>
    private const string MessagesField = "messages";

    /// <summary>The events of <paramref name="notification"/>, read from <paramref name="body"/>.</summary>
    public static List<WhatsAppEvent> Read(WebhookNotification notification, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        var events = new List<WhatsAppEvent>();
        var changes = notification.Entry.SelectMany(entry => entry.Changes).ToList();
        var rawMessages = changes.Any(c => c.Value.Messages is { Count: > 0 }) ? RawMessage.FindAll(body) : [];
        var nextRaw = 0;
        foreach (var change in changes)
        {
            var value = change.Value;
            var messages = value.Messages ?? [];
            var raw = rawMessages.GetRange(nextRaw, messages.Count);
            nextRaw += messages.Count;
            if (change.Field != MessagesField)
            {
                continue;
            }

            var phoneNumberId = value.Metadata?.PhoneNumberId ?? string.Empty;
            foreach (var status in value.Statuses ?? [])
            {
                events.Add(new MessageStatusEvent(phoneNumberId, Time(status.Timestamp, receivedAt), status, WhatsAppError.From(status.Errors)));
            }

            for (var i = 0; i < messages.Count; i++)
            {
                events.Add(new InboundMessageEvent(phoneNumberId, Time(raw[i].Timestamp, receivedAt), messages[i], raw[i], ProfileName(value, raw[i].From)));
            }

            if (value.Errors is { Count: > 0 } errors)
            {
                events.Add(new WebhookErrorEvent(phoneNumberId, receivedAt, WhatsAppError.From(errors)));
            }
        }

        return events;
    }

    /// <summary>The sender's name from the value's <c>contacts</c>: the one with the sender's id, else the only one.</summary>
    private static string? ProfileName(WebhookValue value, string from)
        => (value.Contacts?.FirstOrDefault(c => c.WaId == from) ?? (value.Contacts is { Count: 1 } only ? only[0] : null))?.Profile?.Name;

    /// <summary>Unix seconds, as the API writes them (a string); the time received when it is missing or not a number.</summary>
    private static DateTimeOffset Time(string? unixSeconds, DateTimeOffset receivedAt)
        => long.TryParse(unixSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt;
}
