using System.Text.Json.Serialization;

namespace MessageGen.Benchmarks;

// Every message type as plain classes for System.Text.Json source generation, the baseline of MessageTypeWriteBenchmarks.

public abstract class StjEnvelope
{
    [JsonPropertyOrder(-4)]
    public string MessagingProduct { get; set; } = "whatsapp";

    [JsonPropertyOrder(-3)]
    public string RecipientType { get; set; } = "individual";

    [JsonPropertyOrder(-2)]
    public string To { get; set; } = string.Empty;

    [JsonPropertyOrder(-1)]
    public string Type { get; set; } = string.Empty;
}

public sealed class StjTextMessage : StjEnvelope
{
    public StjText Text { get; set; } = new();
}

public sealed class StjText
{
    public bool? PreviewUrl { get; set; }

    public string Body { get; set; } = string.Empty;
}

public sealed class StjMedia
{
    public string? Id { get; set; }

    public string? Link { get; set; }

    public string? Caption { get; set; }

    public string? Filename { get; set; }
}

public sealed class StjImageMessage : StjEnvelope
{
    public StjMedia Image { get; set; } = new();
}

public sealed class StjAudioMessage : StjEnvelope
{
    public StjMedia Audio { get; set; } = new();
}

public sealed class StjDocumentMessage : StjEnvelope
{
    public StjMedia Document { get; set; } = new();
}

public sealed class StjStickerMessage : StjEnvelope
{
    public StjMedia Sticker { get; set; } = new();
}

public sealed class StjLocationMessage : StjEnvelope
{
    public StjLocation Location { get; set; } = new();
}

public sealed class StjLocation
{
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }
}

public sealed class StjReactionMessage : StjEnvelope
{
    public StjReaction Reaction { get; set; } = new();
}

public sealed class StjReaction
{
    public string MessageId { get; set; } = string.Empty;

    public string Emoji { get; set; } = string.Empty;
}

public sealed class StjContactsMessage : StjEnvelope
{
    public List<StjContact> Contacts { get; set; } = [];
}

public sealed class StjContact
{
    public List<StjContactEmail>? Emails { get; set; }

    public StjContactName Name { get; set; } = new();

    public StjContactOrganization? Org { get; set; }

    public List<StjContactPhone>? Phones { get; set; }
}

public sealed class StjContactEmail
{
    public string? Email { get; set; }

    public string? Type { get; set; }
}

public sealed class StjContactName
{
    public string FormattedName { get; set; } = string.Empty;

    public string? FirstName { get; set; }

    public string? LastName { get; set; }
}

public sealed class StjContactOrganization
{
    public string? Company { get; set; }

    public string? Title { get; set; }
}

public sealed class StjContactPhone
{
    public string? Phone { get; set; }

    public string? Type { get; set; }

    public string? WaId { get; set; }
}

public sealed class StjButtonMessage : StjEnvelope
{
    public StjButtonInteractive Interactive { get; set; } = new();
}

public sealed class StjButtonInteractive
{
    public string Type { get; set; } = "button";

    public StjTextHeader? Header { get; set; }

    public StjTextObject Body { get; set; } = new();

    public StjTextObject? Footer { get; set; }

    public StjButtonAction Action { get; set; } = new();
}

public sealed class StjTextHeader
{
    public string Type { get; set; } = "text";

    public string Text { get; set; } = string.Empty;
}

public sealed class StjTextObject
{
    public string Text { get; set; } = string.Empty;
}

public sealed class StjButtonAction
{
    public List<StjReplyButton> Buttons { get; set; } = [];
}

public sealed class StjReplyButton
{
    public string Type { get; set; } = "reply";

    public StjReply Reply { get; set; } = new();
}

public sealed class StjReply
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}

public sealed class StjListMessage : StjEnvelope
{
    public StjListInteractive Interactive { get; set; } = new();
}

public sealed class StjListInteractive
{
    public string Type { get; set; } = "list";

    public StjTextObject Body { get; set; } = new();

    public StjListAction Action { get; set; } = new();
}

public sealed class StjListAction
{
    public string Button { get; set; } = string.Empty;

    public List<StjListSection> Sections { get; set; } = [];
}

public sealed class StjListSection
{
    public string? Title { get; set; }

    public List<StjListRow> Rows { get; set; } = [];
}

public sealed class StjListRow
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StjTextMessage))]
[JsonSerializable(typeof(StjImageMessage))]
[JsonSerializable(typeof(StjAudioMessage))]
[JsonSerializable(typeof(StjDocumentMessage))]
[JsonSerializable(typeof(StjStickerMessage))]
[JsonSerializable(typeof(StjLocationMessage))]
[JsonSerializable(typeof(StjReactionMessage))]
[JsonSerializable(typeof(StjContactsMessage))]
[JsonSerializable(typeof(StjButtonMessage))]
[JsonSerializable(typeof(StjListMessage))]
[JsonSerializable(typeof(StjVideoMessage))]
public sealed partial class StjMessageTypesContext : JsonSerializerContext;
