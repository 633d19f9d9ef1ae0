using System.Text;
using System.Text.Json;
using MessageGen.Media;
using MessageGen.Sandbox.Schema;
using MessageGen.Sandbox.Schema.Templates;

namespace MessageGen.Sandbox;

/// <summary>
/// The message types <c>POST /messages</c> takes, each with the reader generated from its schema: the one place that
/// says how a body of each <c>type</c> is read, and which file (if any) it sends.
/// </summary>
internal static class SandboxMessageTypes
{
    /// <summary>Every type, in the order the answers name them.</summary>
    public static IReadOnlyList<SandboxMessageType> All { get; } =
    [
        new("text", body => (TextMessage.FromJson(body).To, null)),
        new("image", body =>
        {
            var message = ImageMessage.FromJson(body);
            return (message.To, new(MediaKind.Image, "$.image", message.Image.Id, message.Image.Link));
        }),
        new("video", body =>
        {
            var message = VideoMessage.FromJson(body);
            return (message.To, new(MediaKind.Video, "$.video", message.Video.Id, message.Video.Link));
        }),
        new("audio", body =>
        {
            var message = AudioMessage.FromJson(body);
            return (message.To, new(MediaKind.Audio, "$.audio", message.Audio.Id, message.Audio.Link));
        }),
        new("document", body =>
        {
            var message = DocumentMessage.FromJson(body);
            return (message.To, new(MediaKind.Document, "$.document", message.Document.Id, message.Document.Link));
        }),
        new("sticker", body =>
        {
            var message = StickerMessage.FromJson(body);
            return (message.To, new(MediaKind.Sticker, "$.sticker", message.Sticker.Id, message.Sticker.Link));
        }),
        new("location", body => (LocationMessage.FromJson(body).To, null)),
        new("contacts", body => (ContactsMessage.FromJson(body).To, null)),
        new("interactive", body =>
        {
            var message = InteractiveMessage.FromJson(body);
            SandboxInteractiveRules.ThrowIfBroken(message.Interactive);
            return (message.To, SandboxInteractiveRules.HeaderMedia(message.Interactive));
        }),
        new("reaction", body => (ReactionMessage.FromJson(body).To, null)),
        new("template", body =>
        {
            var message = TemplateMessage.FromJson(body);
            return new SandboxSentMessage("template", message.To, SandboxTemplateMedia.Header(message.Template)) { Template = message.Template };
        }),
    ];

    /// <summary>The types' names for an answer: <c>text, image, ... or template</c>.</summary>
    public static string NamesText { get; } = string.Join(", ", All.Take(All.Count - 1).Select(type => type.Name)) + " or " + All[^1].Name;

    /// <summary>The type the reader's current string token names (escapes read as the generated readers read them); null for none.</summary>
    public static SandboxMessageType? Find(ref Utf8JsonReader reader)
    {
        foreach (var type in All)
        {
            if (reader.ValueTextEquals(type.Utf8Name))
            {
                return type;
            }
        }

        return null;
    }
}

/// <summary>One message type: its name and how a body of it is read.</summary>
/// <param name="Name">The <c>type</c> that selects it.</param>
/// <param name="ReadMessage">
/// Reads and checks a body with the type's generated <c>FromJson</c> (which throws <see cref="MessageValidationException"/>
/// or <see cref="MalformedJsonException"/>) and returns what the sandbox keeps of it: the recipient, the file it sends, if any.
/// </param>
internal sealed record SandboxMessageType(string Name, Func<byte[], SandboxSentMessage> ReadMessage)
{
    /// <summary>A type whose body gives only its recipient and the file it sends.</summary>
    public SandboxMessageType(string name, Func<byte[], (string To, SandboxMediaReference? Media)> readBody)
        : this(name, body =>
        {
            var (to, media) = readBody(body);
            return new SandboxSentMessage(name, to, media);
        })
    {
    }

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);

    /// <summary>Reads a body of this type; throws as the generated <c>FromJson</c> does.</summary>
    public SandboxSentMessage Read(byte[] body) => ReadMessage(body);
}
