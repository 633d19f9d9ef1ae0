using System.Text.Json.Serialization;

namespace MessageGen.Benchmarks;

/// <summary>The same video message as plain classes, for System.Text.Json and Newtonsoft.Json.</summary>
public sealed class StjVideoMessage
{
    [JsonPropertyName("messaging_product")]
    [Newtonsoft.Json.JsonProperty("messaging_product")]
    public string MessagingProduct { get; set; } = "whatsapp";

    [JsonPropertyName("recipient_type")]
    [Newtonsoft.Json.JsonProperty("recipient_type")]
    public string RecipientType { get; set; } = "individual";

    [JsonPropertyName("to")]
    [Newtonsoft.Json.JsonProperty("to")]
    public string To { get; set; } = string.Empty;

    [JsonPropertyName("type")]
    [Newtonsoft.Json.JsonProperty("type")]
    public string Type { get; set; } = "video";

    [JsonPropertyName("video")]
    [Newtonsoft.Json.JsonProperty("video")]
    public StjVideoMedia Video { get; set; } = new();
}

public sealed class StjVideoMedia
{
    [JsonPropertyName("id")]
    [Newtonsoft.Json.JsonProperty("id", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Id { get; set; }

    [JsonPropertyName("link")]
    [Newtonsoft.Json.JsonProperty("link", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Link { get; set; }

    [JsonPropertyName("caption")]
    [Newtonsoft.Json.JsonProperty("caption", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Caption { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjVideoMessage))]
public sealed partial class StjContext : JsonSerializerContext;
