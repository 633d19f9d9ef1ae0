using MessageGen.Cli.Send;
using MessageGen.Outbox;

namespace MessageGen.Cli.Campaign;

/// <summary>Turns each row of the recipients file into a message and its idempotency key; rows that cannot be one are reported.</summary>
internal static class CampaignMessages
{
    /// <summary>A template send per row: the cells other than <c>to</c> fill the body's parameters in column order.</summary>
    public static (List<OutboxMessage> Messages, List<BadRow> BadRows) FromTemplate(RecipientsCsv csv, string campaign, string name, string language)
    {
        var parameterColumns = Enumerable.Range(0, csv.Header.Count).Where(i => i != csv.ToColumn).ToArray();
        return Build(csv, campaign, row =>
        {
            // The API refuses an empty parameter (132000); say which cell it is rather than send it.
            var empty = parameterColumns.Where(i => string.IsNullOrWhiteSpace(row.Cells[i])).Select(i => csv.Header[i]).ToArray();
            return empty.Length > 0
                ? throw new InvalidDataException($"empty parameter cell(s): {string.Join(", ", empty)}.")
                : TemplateSend.Create(
                    row.Cells[csv.ToColumn].Trim(),
                    name,
                    language,
                    parameterColumns.Select(i => (NamedParameter(csv.Header[i]), row.Cells[i])).ToArray());
        });
    }

    /// <summary>The body of <paramref name="json"/> per row, its <c>to</c> replaced by the row's; read and checked by its type.</summary>
    public static (List<OutboxMessage> Messages, List<BadRow> BadRows) FromMessageFile(RecipientsCsv csv, string campaign, byte[] json, string source)
    {
        var kinds = new MessageKinds(new SendOptions());
        return Build(csv, campaign, row =>
        {
            var problem = JsonMessageFile.Read(json, source, kinds, named: null, row.Cells[csv.ToColumn].Trim(), out var message);
            return message ?? throw new InvalidDataException(problem);
        });
    }

    /// <summary>The row's key: the campaign plus the row number, so a rerun adds nothing and repeated recipients are separate messages.</summary>
    public static string KeyOf(string campaign, int row) => $"{campaign}:{row}";

    private static (List<OutboxMessage>, List<BadRow>) Build(RecipientsCsv csv, string campaign, Func<RecipientRow, IWhatsAppMessage> create)
    {
        var messages = new List<OutboxMessage>(csv.Rows.Count);
        var bad = new List<BadRow>(csv.BadRows);
        foreach (var row in csv.Rows)
        {
            try
            {
                // Each row's message comes from its type's FromJson, which has checked it against its schema.
                messages.Add(new OutboxMessage(KeyOf(campaign, row.Number), create(row)));
            }
            catch (InvalidDataException e)
            {
                bad.Add(new BadRow(row.Number, row.Line, e.Message));
            }
            catch (MessageValidationException e)
            {
                bad.Add(new BadRow(row.Number, row.Line, string.Join("; ", e.Errors)));
            }
        }

        bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (messages, bad);
    }

    /// <summary>A column headed <c>{{first_name}}</c> fills the named parameter <c>first_name</c>; others fill positional ones.</summary>
    private static string? NamedParameter(string header) =>
        header.Length > 4 && header.StartsWith("{{", StringComparison.Ordinal) && header.EndsWith("}}", StringComparison.Ordinal) ? header[2..^2].Trim() : null;
}
