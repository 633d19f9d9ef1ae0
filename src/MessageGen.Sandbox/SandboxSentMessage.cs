using MessageGen.Media;
using MessageGen.Sandbox.Schema.Templates;

namespace MessageGen.Sandbox;

/// <summary>What the sandbox keeps of a message <c>POST /messages</c> took, for its answer, its record and its statuses.</summary>
/// <param name="Type">The message type, the body's top-level <c>type</c>: <c>text</c>, <c>image</c>, ...</param>
/// <param name="To">The recipient.</param>
/// <param name="Media">The file the message sends (its media, or the media of an interactive header); null when none.</param>
internal sealed record SandboxSentMessage(string Type, string To, SandboxMediaReference? Media)
{
    /// <summary>The template and its parameters, for a <c>template</c> message, to check against the sandbox's templates; null for other types.</summary>
    public TemplateContent? Template { get; init; }
}

/// <summary>A file a message sends, by the <c>id</c> of an upload or by <c>link</c>, and the rules it must meet.</summary>
/// <param name="Kind">Whose rules the file must meet: the message type, or the header type of an interactive message.</param>
/// <param name="Path">The JSON path of the object holding <c>id</c> or <c>link</c>, e.g. <c>$.image</c> or <c>$.interactive.header.video</c>.</param>
/// <param name="Id">The id of an upload; null when sent by link.</param>
/// <param name="Link">The URL of hosted media; null when sent by id.</param>
internal sealed record SandboxMediaReference(MediaKind Kind, string Path, string? Id, string? Link)
{
    /// <summary>A link of this kind, for messages that show one.</summary>
    public string ExampleLink => Kind switch
    {
        MediaKind.Image => "https://example.com/photo.jpg",
        MediaKind.Audio => "https://example.com/voice.ogg",
        MediaKind.Document => "https://example.com/invoice.pdf",
        MediaKind.Sticker => "https://example.com/sticker.webp",
        _ => "https://example.com/clip.mp4",
    };
}
