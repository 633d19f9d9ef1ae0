using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using MessageGen.Webhooks;

namespace MessageGen.Sandbox;

/// <summary>
/// A message a user "sends" to the business through <c>POST /sandbox/inbound</c>: a message object as in a webhook, with
/// <c>id</c> and <c>timestamp</c> filled when absent and an optional <c>profile.name</c> for the sender's contact.
/// It is read with the generated <see cref="WebhookMessage"/> reader, which a receiver uses too.
/// </summary>
internal sealed class SandboxInboundMessage
{
    /// <summary>The sender's profile name when the body gives none.</summary>
    public const string DefaultProfileName = "Sandbox User";

    /// <summary>
    /// The readers of the kinds the schema knows, to say why a message of a known kind breaks it: the union reader keeps
    /// such a message as an unknown one (as a receiver must), which would hide the mistake from whoever sent it here.
    /// </summary>
    private static readonly Dictionary<string, Func<byte[], WebhookMessage>> KnownKinds = new(StringComparer.Ordinal)
    {
        ["text"] = json => WebhookTextMessage.FromJson(json),
        ["image"] = json => WebhookImageMessage.FromJson(json),
        ["video"] = json => WebhookVideoMessage.FromJson(json),
        ["audio"] = json => WebhookAudioMessage.FromJson(json),
        ["document"] = json => WebhookDocumentMessage.FromJson(json),
        ["sticker"] = json => WebhookStickerMessage.FromJson(json),
        ["location"] = json => WebhookLocationMessage.FromJson(json),
        ["contacts"] = json => WebhookContactsMessage.FromJson(json),
        ["interactive"] = json => WebhookInteractiveMessage.FromJson(json),
        ["button"] = json => WebhookButtonMessage.FromJson(json),
        ["reaction"] = json => WebhookReactionMessage.FromJson(json),
    };

    private SandboxInboundMessage(string id, WebhookContact sender, WebhookMessage message)
    {
        Id = id;
        Sender = sender;
        Message = message;
    }

    /// <summary>The message's id (wamid): the one given, or a new one.</summary>
    public string Id { get; }

    /// <summary>The sender, for <c>contacts</c>: its WhatsApp id and profile name.</summary>
    public WebhookContact Sender { get; }

    /// <summary>The message, typed by kind; a kind the schema does not know is kept as given.</summary>
    public WebhookMessage Message { get; }

    /// <summary>Reads and checks a body; on failure, says why in a few hundred characters.</summary>
    public static bool TryRead(byte[] body, [NotNullWhen(true)] out SandboxInboundMessage? inbound, [NotNullWhen(false)] out string? problem)
    {
        inbound = null;
        try
        {
            problem = Read(body, out inbound);
            return inbound is not null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, a member named twice (ArgumentException), a string that is not Unicode (InvalidOperationException).
            problem = "Malformed JSON: " + SandboxAnswers.Shown(e.Message);
            return false;
        }
        catch (MessageValidationException e)
        {
            problem = SandboxMessageChecks.Describe(e.Errors, e.TotalCount);
            return false;
        }
        catch (MalformedJsonException e)
        {
            problem = SandboxAnswers.Shown(e.Message);
            return false;
        }
    }

    /// <summary>The message, or (with a null <paramref name="inbound"/>) why it is not one; the readers' exceptions say the rest.</summary>
    private static string? Read(byte[] body, out SandboxInboundMessage? inbound)
    {
        inbound = null;
        if (JsonNode.Parse(body) is not JsonObject message)
        {
            return "The body must be a message object, such as {\"from\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}.";
        }

        if (!TryGetString(message, "from", out var from) || from.Length == 0 || !TryGetString(message, "type", out var type) || type.Length == 0)
        {
            return "$.from and $.type must be non-empty strings: the sender's WhatsApp id and the message's kind.";
        }

        if (!TryTakeProfileName(message, out var profileName))
        {
            return "$.profile must be an object with a string 'name': the sender's profile name.";
        }

        message["id"] ??= SandboxAnswers.NewMessageId();
        message["timestamp"] ??= SandboxNotifications.UnixSeconds(DateTimeOffset.UtcNow);
        if (!TryGetString(message, "id", out var id))
        {
            return "$.id must be a string (or left out, for the sandbox to make one).";
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(message);
        var read = WebhookMessage.FromJson(json);
        if (read is UnknownWebhookMessage && KnownKinds.TryGetValue(type, out var readKnownKind))
        {
            // Throws with the reasons this message is not a valid one of its kind.
            readKnownKind(json);
        }

        var sender = WebhookContact.Builder().WithProfile(profile => profile.WithName(profileName ?? DefaultProfileName)).WithWaId(from).Build();
        inbound = new SandboxInboundMessage(id, sender, read);
        return null;
    }

    private static bool TryGetString(JsonObject message, string name, [NotNullWhen(true)] out string? value)
    {
        value = message[name] is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;
        return value is not null;
    }

    /// <summary>Takes <c>profile.name</c> out of the message (it belongs in <c>contacts</c>); false when it is there but not a name.</summary>
    private static bool TryTakeProfileName(JsonObject message, out string? profileName)
    {
        profileName = null;
        if (!message.Remove("profile", out var profile))
        {
            return true;
        }

        return profile is JsonObject named && TryGetString(named, "name", out profileName);
    }
}
