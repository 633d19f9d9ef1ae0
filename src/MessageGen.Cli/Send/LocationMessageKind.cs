using System.CommandLine.Parsing;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli.Send;

/// <summary><c>send location --latitude N --longitude N [--name TEXT] [--address TEXT]</c>; the schema checks the ranges.</summary>
internal sealed class LocationMessageKind(SendOptions o) : MessageKind(
    "location",
    "messagegen send location --to +4915112345678 --latitude 52.5200 --longitude 13.4050 --name \"Brandenburg Gate\"",
    [o.Latitude, o.Longitude, o.Name, o.Address],
    required: [o.Latitude, o.Longitude])
{
    public override IWhatsAppMessage Build(CommandResult c, string to) => new LocationMessage
    {
        To = to,
        Location = new LocationContent
        {
            Latitude = c.GetValue(o.Latitude)!.Value,
            Longitude = c.GetValue(o.Longitude)!.Value,
            Name = c.GetValue(o.Name),
            Address = c.GetValue(o.Address),
        },
    };

    public override IWhatsAppMessage Read(byte[] json) => LocationMessage.FromJson(json);
}
