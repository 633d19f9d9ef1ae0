using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary><c>send text --body TEXT [--preview-url]</c>.</summary>
internal sealed class TextMessageKind(SendOptions o) : MessageKind(
    "text", "messagegen send text --to +4915112345678 --body \"Hello\" --preview-url", [o.Body, o.PreviewUrl], required: [o.Body])
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new TextMessage
    {
        To = to,
        Text = new TextContent { Body = c.GetValue(o.Body)!, PreviewUrl = c.GetValue(o.PreviewUrl) ? true : null },
    };

    public override IWhatsAppMessage Read(byte[] json) => TextMessage.FromJson(json);
}
