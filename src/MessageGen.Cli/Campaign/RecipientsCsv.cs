using System.Text;

namespace MessageGen.Cli.Campaign;

/// <summary>One data row of a recipients file: its number (1 for the first row after the header) and its cells by column.</summary>
internal sealed record RecipientRow(int Number, int Line, IReadOnlyList<string> Cells);

/// <summary>A row that cannot become a message: where it is and why.</summary>
internal sealed record BadRow(int Number, int Line, string Problem);

/// <summary>
/// A recipients file: CSV (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks) with a header row that has a
/// <c>to</c> column. A row with the wrong number of cells is reported and skipped; the others are kept.
/// </summary>
internal sealed class RecipientsCsv
{
    private RecipientsCsv(IReadOnlyList<string> header, IReadOnlyList<RecipientRow> rows, IReadOnlyList<BadRow> badRows)
    {
        Header = header;
        Rows = rows;
        BadRows = badRows;
        ToColumn = header.ToList().FindIndex(name => string.Equals(name, "to", StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<RecipientRow> Rows { get; }

    public IReadOnlyList<BadRow> BadRows { get; }

    /// <summary>The <c>to</c> column's index; -1 when the header has none.</summary>
    public int ToColumn { get; }

    /// <summary>Reads the file's text; null after <paramref name="problem"/> says why the whole file cannot be used.</summary>
    public static RecipientsCsv? Parse(string text, out string? problem)
    {
        var records = Records(text.StartsWith('\uFEFF') ? text[1..] : text, out problem);
        if (problem is not null)
        {
            return null;
        }

        if (records.Count == 0 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            problem = "it is empty: the first line must be a header such as 'to,name,order'.";
            return null;
        }

        var header = records[0].Cells.Select(cell => cell.Trim()).ToArray();
        var rows = new List<RecipientRow>();
        var bad = new List<BadRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var (line, cells) = records[i];
            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Count != header.Length)
            {
                bad.Add(new BadRow(i, line, $"{cells.Count} cell(s) where the header has {header.Length}."));
                continue;
            }

            rows.Add(new RecipientRow(i, line, cells));
        }

        var csv = new RecipientsCsv(header, rows, bad);
        if (csv.ToColumn < 0)
        {
            problem = $"its header ({string.Join(',', header)}) has no 'to' column for the recipients' phone numbers.";
            return null;
        }

        return csv;
    }

    /// <summary>Splits the text into records with the line each starts on; blank lines are empty records.</summary>
    private static List<(int Line, List<string> Cells)> Records(string text, out string? problem)
    {
        problem = null;
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells));
                cells = [];
                recordLine = ++line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            problem = $"the quoted cell that starts on line {recordLine} is never closed (a '\"' is missing).";
            return records;
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return records;
    }
}
