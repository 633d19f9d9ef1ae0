using System.Diagnostics;
using System.Globalization;
using MessageGen.Outbox;
using Spectre.Console;

namespace MessageGen.Cli.Campaign;

/// <summary>
/// Shows a campaign's progress while it sends, from the outbox's totals (so it counts every worker's sends): a progress bar
/// on a terminal, a line every few seconds otherwise.
/// </summary>
internal static class CampaignProgress
{
    public static async Task ShowWhileAsync(CliConsole console, IMessageOutbox outbox, string keyPrefix, Task sending)
    {
        var started = Stopwatch.GetTimestamp();
        var first = await outbox.GetTotalsAsync(keyPrefix).ConfigureAwait(false);
        var last = first;

        // A totals query that fails (the store busy or restarting) shows the last totals: it must not end the command
        // while its sends are still running.
        async Task<OutboxTotals> TotalsAsync()
        {
            try
            {
                return last = await outbox.GetTotalsAsync(keyPrefix).ConfigureAwait(false);
            }
            catch (Exception e) when (CampaignCommand.IsStoreProblem(e))
            {
                return last;
            }
        }

        var finishedBefore = Finished(first);
        string Describe(OutboxTotals totals)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var rate = seconds < 0.5 ? 0 : (Finished(totals) - finishedBefore) / seconds;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"sent {Finished(totals)}/{totals.Total} · accepted {Accepted(totals)} · failed {totals[OutboxState.Failed]} · unknown {totals[OutboxState.Unknown]} · {rate:0.0}/s");
        }

        if (ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await terminal.Progress().AutoClear(false).StartAsync(async context =>
            {
                var bar = context.AddTask("sending", maxValue: Math.Max(1, first.Total));
                while (true)
                {
                    var totals = await TotalsAsync().ConfigureAwait(false);
                    bar.Value = Finished(totals);
                    bar.Description = Describe(totals);
                    if (sending.IsCompleted)
                    {
                        return;
                    }

                    await Task.WhenAny(sending, Task.Delay(250)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            return;
        }

        while (!sending.IsCompleted)
        {
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
            await console.Error.WriteLineAsync(Describe(await TotalsAsync().ConfigureAwait(false))).ConfigureAwait(false);
        }
    }

    private static long Accepted(OutboxTotals totals) => totals[OutboxState.Accepted] + totals[OutboxState.Delivered] + totals[OutboxState.Read];

    private static long Finished(OutboxTotals totals) => totals.Total - totals.Unfinished;
}
