using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary><c>send contacts --name "Formatted Name" --phone NUMBER...</c>: one contact card.</summary>
internal sealed class ContactsMessageKind(SendOptions o) : MessageKind(
    "contacts",
    "messagegen send contacts --to +4915112345678 --name \"Anna Muster\" --phone +4915187654321",
    [o.Name, o.Phone],
    required: [o.Name, o.Phone])
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new ContactsMessage
    {
        To = to,
        Contacts =
        [
            new ContactCard
            {
                Name = new ContactName { FormattedName = c.GetValue(o.Name)! },
                Phones = [.. (c.GetValue(o.Phone) ?? []).Select(phone => new ContactPhone { Phone = phone })],
            },
        ],
    };

    public override IWhatsAppMessage Read(byte[] json) => ContactsMessage.FromJson(json);
}
