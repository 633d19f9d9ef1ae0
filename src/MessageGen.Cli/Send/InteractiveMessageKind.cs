using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary>
/// <c>send interactive --body TEXT --button ID=TITLE... [--header TEXT] [--footer TEXT]</c>: reply buttons. The schema
/// checks that there are at most three and every length.
/// </summary>
internal sealed class InteractiveMessageKind(SendOptions o) : MessageKind(
    "interactive",
    "messagegen send interactive --to +4915112345678 --body \"Coming tonight?\" --button yes=Yes --button no=No",
    [o.Body, o.Button, o.Header, o.Footer],
    required: [o.Body, o.Button])
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new InteractiveMessage
    {
        To = to,
        Interactive = new ButtonInteractive
        {
            Header = c.GetValue(o.Header) is { } header ? new TextHeader { Text = header } : null,
            Body = new ButtonBody { Text = c.GetValue(o.Body)! },
            Footer = c.GetValue(o.Footer) is { } footer ? new InteractiveFooter { Text = footer } : null,
            Action = new ButtonAction { Buttons = [.. (c.GetValue(o.Button) ?? []).Select(ReplyButtonOf)] },
        },
    };

    public override IWhatsAppMessage Read(byte[] json) => InteractiveMessage.FromJson(json);

    /// <summary><c>ID=TITLE</c>, split at the first <c>=</c> (the option's validator made sure there is one): a title may hold more.</summary>
    private static ReplyButton ReplyButtonOf(string button)
    {
        var equals = button.IndexOf('=', StringComparison.Ordinal);
        return new ReplyButton { Reply = new ReplyButtonContent { Id = button[..equals], Title = button[(equals + 1)..] } };
    }
}
