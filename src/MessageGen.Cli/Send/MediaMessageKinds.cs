using System.CommandLine;
using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary>A message that carries media: uploaded (<c>--id</c>) or hosted (<c>--link</c>), exactly one of them.</summary>
internal abstract class MediaMessageKind(string name, string example, SendOptions options, params Option[] more)
    : MessageKind(name, example, [options.Id, options.Link, .. more], required: [])
{
    protected SendOptions O => options;

    public override IEnumerable<string> CheckUsage(CommandResult command)
    {
        if (SendOptions.IsGiven(command, options.Id) == SendOptions.IsGiven(command, options.Link))
        {
            yield return "Give exactly one of --id (uploaded media) and --link (hosted media).";
        }
    }
}

internal sealed class ImageMessageKind(SendOptions o) : MediaMessageKind(
    "image", "messagegen send image --to +4915112345678 --link https://example.com/photo.jpg --caption \"Our shop\"", o, o.Caption)
{
    public override IWhatsAppMessage Build(CommandResult c, string to) =>
        new ImageMessage { To = to, Image = new ImageMedia { Id = c.GetValue(O.Id), Link = c.GetValue(O.Link), Caption = c.GetValue(O.Caption) } };

    public override IWhatsAppMessage Read(byte[] json) => ImageMessage.FromJson(json);
}

internal sealed class VideoMessageKind(SendOptions o) : MediaMessageKind(
    "video", "messagegen send --to +4915112345678 --id 1234567890 --caption \"Our new clip\"   (video is the default type)", o, o.Caption)
{
    public override IWhatsAppMessage Build(CommandResult c, string to) =>
        new VideoMessage { To = to, Video = new VideoMedia { Id = c.GetValue(O.Id), Link = c.GetValue(O.Link), Caption = c.GetValue(O.Caption) } };

    public override IWhatsAppMessage Read(byte[] json) => VideoMessage.FromJson(json);
}

internal sealed class AudioMessageKind(SendOptions o) : MediaMessageKind(
    "audio", "messagegen send audio --to +4915112345678 --id 1234567890", o)
{
    public override IWhatsAppMessage Build(CommandResult c, string to) =>
        new AudioMessage { To = to, Audio = new AudioMedia { Id = c.GetValue(O.Id), Link = c.GetValue(O.Link) } };

    public override IWhatsAppMessage Read(byte[] json) => AudioMessage.FromJson(json);
}

internal sealed class DocumentMessageKind(SendOptions o) : MediaMessageKind(
    "document", "messagegen send document --to +4915112345678 --link https://example.com/invoice.pdf --filename invoice.pdf", o, o.Caption, o.Filename)
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new DocumentMessage
    {
        To = to,
        Document = new DocumentMedia { Id = c.GetValue(O.Id), Link = c.GetValue(O.Link), Caption = c.GetValue(O.Caption), Filename = c.GetValue(O.Filename) },
    };

    public override IWhatsAppMessage Read(byte[] json) => DocumentMessage.FromJson(json);
}

internal sealed class StickerMessageKind(SendOptions o) : MediaMessageKind(
    "sticker", "messagegen send sticker --to +4915112345678 --id 1234567890", o)
{
    public override IWhatsAppMessage Build(CommandResult c, string to) =>
        new StickerMessage { To = to, Sticker = new StickerMedia { Id = c.GetValue(O.Id), Link = c.GetValue(O.Link) } };

    public override IWhatsAppMessage Read(byte[] json) => StickerMessage.FromJson(json);
}
