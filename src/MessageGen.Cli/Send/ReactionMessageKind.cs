using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary><c>send reaction --message-id WAMID --emoji EMOJI</c>; an empty emoji removes the reaction.</summary>
internal sealed class ReactionMessageKind(SendOptions o) : MessageKind(
    "reaction",
    "messagegen send reaction --to +4915112345678 --message-id wamid.HBgL... --emoji 👍   (--emoji \"\" removes it)",
    [o.MessageId, o.Emoji],
    required: [o.MessageId, o.Emoji])
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new ReactionMessage
    {
        To = to,
        Reaction = new ReactionContent { MessageId = c.GetValue(o.MessageId)!, Emoji = c.GetValue(o.Emoji) ?? "" },
    };

    public override IWhatsAppMessage Read(byte[] json) => ReactionMessage.FromJson(json);
}
