using System.Text.Json.Serialization;

namespace MessageGen.Benchmarks;

/// <summary>A status notification as plain classes for System.Text.Json, member for member what MessageGen generates.</summary>
public sealed class StjNotification
{
    [JsonPropertyName("object")]
    public string? Object { get; set; }

    [JsonPropertyName("entry")]
    public List<StjEntry>? Entry { get; set; }
}

public sealed class StjEntry
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("changes")]
    public List<StjChange>? Changes { get; set; }
}

public sealed class StjChange
{
    [JsonPropertyName("field")]
    public string? Field { get; set; }

    [JsonPropertyName("value")]
    public StjValue? Value { get; set; }
}

public sealed class StjValue
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("metadata")]
    public StjMetadata? Metadata { get; set; }

    [JsonPropertyName("statuses")]
    public List<StjStatus>? Statuses { get; set; }
}

public sealed class StjMetadata
{
    [JsonPropertyName("display_phone_number")]
    public string? DisplayPhoneNumber { get; set; }

    [JsonPropertyName("phone_number_id")]
    public string? PhoneNumberId { get; set; }
}

public sealed class StjStatus
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    [JsonPropertyName("recipient_id")]
    public string? RecipientId { get; set; }

    [JsonPropertyName("conversation")]
    public StjConversation? Conversation { get; set; }

    [JsonPropertyName("pricing")]
    public StjPricing? Pricing { get; set; }
}

public sealed class StjConversation
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("expiration_timestamp")]
    public string? ExpirationTimestamp { get; set; }

    [JsonPropertyName("origin")]
    public StjOrigin? Origin { get; set; }
}

public sealed class StjOrigin
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

public sealed class StjPricing
{
    [JsonPropertyName("billable")]
    public bool Billable { get; set; }

    [JsonPropertyName("pricing_model")]
    public string? PricingModel { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }
}

[JsonSerializable(typeof(StjNotification))]
public sealed partial class StjWebhookContext : JsonSerializerContext;
