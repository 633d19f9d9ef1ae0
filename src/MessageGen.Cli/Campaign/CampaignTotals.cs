using MessageGen.Outbox;

namespace MessageGen.Cli.Campaign;

/// <summary>
/// Prints a campaign's (or the whole outbox's) totals: one <c>STATE COUNT</c> line per state, then the recipients of the
/// rows that ended failed or unknown, the ones to look at.
/// </summary>
internal static class CampaignTotals
{
    /// <summary>Prints and returns the totals.</summary>
    public static async Task<OutboxTotals> PrintAsync(TextWriter output, IMessageOutbox outbox, string? keyPrefix, CancellationToken cancellationToken)
    {
        var totals = await outbox.GetTotalsAsync(keyPrefix, cancellationToken).ConfigureAwait(false);
        foreach (var state in Enum.GetValues<OutboxState>())
        {
            await output.WriteLineAsync($"{OutboxStateNames.Of(state)} {totals[state]}").ConfigureAwait(false);
        }

        foreach (var state in new[] { OutboxState.Failed, OutboxState.Unknown })
        {
            if (totals[state] == 0)
            {
                continue;
            }

            await output.WriteLineAsync($"Recipients of {OutboxStateNames.Of(state)} rows:").ConfigureAwait(false);
            foreach (var entry in await outbox.GetEntriesAsync(state, keyPrefix, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var code = entry.ErrorCode is { } value ? $"  code {value}" : "";
                await output.WriteLineAsync($"  {entry.Recipient}  key {entry.Key}{code}").ConfigureAwait(false);
            }
        }

        return totals;
    }
}
