namespace MessageGen.Webhooks;

/// <summary>
/// A message a user sent to your number. <see cref="Type"/> is the API's own string; <see cref="Text"/> is set for text
/// messages and <see cref="Media"/> for images, videos, audio, documents and stickers. <see cref="Message"/> has the
/// typed detail of every kind (match <c>WebhookLocationMessage</c>, <c>WebhookInteractiveMessage</c>, ...), and a kind
/// this version does not know arrives as <c>UnknownWebhookMessage</c>; <see cref="RawJson"/> is always the message as received.
/// </summary>
public sealed class InboundMessageEvent : WhatsAppEvent
{
    internal InboundMessageEvent(string phoneNumberId, DateTimeOffset timestamp, WebhookMessage message, RawMessage raw, string? profileName)
        : base(phoneNumberId, timestamp)
    {
        Message = message;
        MessageId = raw.Id;
        From = raw.From;
        RawJson = raw.Json;
        ProfileName = profileName;
    }

    /// <summary>The message's id (wamid).</summary>
    public string MessageId { get; }

    /// <summary>The sender's WhatsApp id (phone number without '+').</summary>
    public string From { get; }

    /// <summary>The sender's profile name, when the API sends it.</summary>
    public string? ProfileName { get; }

    /// <summary>The API's own type string: <c>text</c>, <c>image</c>, ..., or a new one as it arrives.</summary>
    public string Type => Message.Type;

    /// <summary>The body of a text message; null for other kinds (captions are in <see cref="Media"/>).</summary>
    public string? Text => (Message as WebhookTextMessage)?.Text.Body;

    /// <summary>The media of an image, video, audio, document or sticker; null for other kinds.</summary>
    public InboundMedia? Media => Message switch
    {
        WebhookImageMessage m => ToMedia(m.Image),
        WebhookVideoMessage m => ToMedia(m.Video),
        WebhookAudioMessage m => ToMedia(m.Audio),
        WebhookDocumentMessage m => ToMedia(m.Document),
        WebhookStickerMessage m => ToMedia(m.Sticker),
        _ => null,
    };

    /// <summary>The message, typed by kind.</summary>
    public WebhookMessage Message { get; }

    /// <summary>The message object as received.</summary>
    public string RawJson { get; }

    internal override string DeduplicationKey => "message:" + MessageId;

    private static InboundMedia ToMedia(WebhookMedia media) => new(media.Id, media.MimeType, media.Sha256, media.Caption, media.Filename);
}
