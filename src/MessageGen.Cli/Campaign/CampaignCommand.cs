using System.CommandLine;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using MessageGen.Outbox;
using MessageGen.Redis;
using StackExchange.Redis;

namespace MessageGen.Cli.Campaign;

/// <summary>
/// <c>messagegen campaign run|status</c>: one message per row of a CSV through a durable outbox (a SQLite file, or PostgreSQL
/// for several workers), each sent once however often the command runs and however many run at once.
/// </summary>
internal static class CampaignCommand
{
    public static Command Create(CliConsole console) => new("campaign", "Send one message per row of a CSV through a durable outbox, once, in as many processes as you like.")
    {
        Run(console),
        Status(console),
    };

    private static Option<string> StoreOption() => new("--store")
    {
        Description = "The outbox: a SQLite file (created when missing; one machine) or a PostgreSQL connection string \"Host=...;Database=...;Username=...\" (several workers).",
        HelpName = "PATH.db|\"Host=...\"",
        Required = true,
    };

    private static Option<string?> CampaignOption() => new("--campaign")
    {
        Description = "The campaign's id, the start of every row's idempotency key. Default: a hash of the CSV's content, so a rerun of the same file continues it.",
        HelpName = "ID",
    };

    private static Command Run(CliConsole console)
    {
        var recipients = new Option<FileInfo>("--recipients") { Description = "The CSV: a header with a 'to' column, then one row per message.", HelpName = "FILE.csv", Required = true };
        var store = StoreOption();
        var template = new Option<string?>("--template") { Description = "Send this template; the row's other columns fill its body parameters in order ({{name}} headers: named ones).", HelpName = "NAME" };
        var language = new Option<string?>("--language") { Description = "The template's language, e.g. en_US.", HelpName = "CODE" };
        var message = new Option<FileInfo?>("--message") { Description = "Send this message body (any type) with its 'to' replaced by each row's.", HelpName = "FILE.json" };
        var redis = new Option<string?>("--redis") { Description = "Share the sending limits with every worker using this Redis.", HelpName = "HOST:PORT" };
        var messagesPerSecond = new Option<int>("--mps") { Description = "This number's messages per second (default 80), across all workers with --redis.", HelpName = "N", DefaultValueFactory = _ => 80 };
        var concurrency = new Option<int>("--concurrency") { Description = "Sends at once in this process (default 8).", HelpName = "N", DefaultValueFactory = _ => 8 };
        var campaign = CampaignOption();
        var apiKey = ApiConnectionOptions.ApiKey();
        var baseUrl = ApiConnectionOptions.BaseUrl();
        IntOptionRange.Require(messagesPerSecond, 1, 1000, "--mps must be from 1 to 1000 (the API's highest per-number limit).");
        IntOptionRange.Require(concurrency, 1, 256, "--concurrency must be from 1 to 256.");

        var command = new Command("run", string.Join(Environment.NewLine,
        [
            "Enqueue one message per CSV row (skipping rows already there), send them with a progress bar, and print the totals. Ctrl+C stops cleanly; run it again to continue.",
            "  messagegen campaign run --recipients customers.csv --store outbox.db --template order_shipped --language en_US",
            "Exit codes: 0 every row accepted, 1 a row failed, is unknown, was bad or is still pending, 2 bad usage.",
        ]))
        {
            recipients, store, template, language, message, redis, messagesPerSecond, concurrency, campaign, apiKey, baseUrl,
        };
        command.Validators.Add(result =>
        {
            var hasTemplate = result.GetResult(template) is not null;
            if (hasTemplate == (result.GetResult(message) is not null))
            {
                result.AddError("Give either --template NAME --language CODE or --message FILE.json.");
            }
            else if (hasTemplate && result.GetResult(language) is null)
            {
                result.AddError("--template needs --language CODE (e.g. en_US).");
            }
            else if (!hasTemplate && result.GetResult(language) is not null)
            {
                result.AddError("--language goes with --template; a --message file says its own.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = await ApiConnectionOptions.CreateClientAsync(console, parse.GetValue(apiKey), parse.GetRequiredValue(baseUrl), retries: 3).ConfigureAwait(false);
            if (client is null)
            {
                return ExitCodes.Usage;
            }

            client.Dispose();
            var run = new CampaignRun(
                console,
                parse.GetRequiredValue(recipients),
                parse.GetRequiredValue(store),
                parse.GetValue(campaign),
                parse.GetValue(apiKey) ?? console.GetEnvironmentVariable(ApiConnectionOptions.ApiKeyVariable)!,
                parse.GetRequiredValue(baseUrl),
                parse.GetValue(redis),
                parse.GetValue(messagesPerSecond),
                parse.GetValue(concurrency));
            return parse.GetValue(template) is { } name
                ? await run.RunTemplateAsync(name, parse.GetRequiredValue(language)!, cancellationToken).ConfigureAwait(false)
                : await run.RunMessageAsync(parse.GetRequiredValue(message)!, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var store = StoreOption();
        var campaign = CampaignOption();
        campaign.Description = "Only this campaign's rows (default: the whole outbox).";
        var command = new Command("status", "Print the outbox's totals, one 'STATE COUNT' line per state, and the recipients of failed and unknown rows. Exit 0 when none failed or is unknown, else 1.")
        {
            store, campaign,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var outbox = MessageOutbox.Open(parse.GetRequiredValue(store));
                var id = parse.GetValue(campaign);
                var totals = await CampaignTotals.PrintAsync(console.Out, outbox, id is null ? null : CampaignMessages.KeyOf(id, row: 0)[..^1], cancellationToken).ConfigureAwait(false);
                return totals.Unsuccessful == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception e) when (IsStoreProblem(e))
            {
                await console.Error.WriteLineAsync($"Cannot use the outbox store: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>The store cannot be opened or read: a wrong path, a server down, a wrong password (never echoed).</summary>
    internal static bool IsStoreProblem(Exception e) =>
        e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or TimeoutException;

    /// <summary>The campaign's id when none is given: the CSV's content hash, so the same file continues the same campaign.</summary>
    internal static string DefaultCampaignId(byte[] csv) => Convert.ToHexString(SHA256.HashData(csv))[..16].ToLowerInvariant();

    /// <summary>One <c>campaign run</c>: read, enqueue, send, report.</summary>
    private sealed class CampaignRun(
        CliConsole console, FileInfo recipients, string store, string? campaign, string apiKey, Uri baseUrl, string? redis, int messagesPerSecond, int concurrency)
    {
        public async Task<int> RunTemplateAsync(string name, string language, CancellationToken cancellationToken)
        {
            var (csv, id) = await ReadRecipientsAsync().ConfigureAwait(false);
            return csv is null ? ExitCodes.Usage : await SendAsync(id, CampaignMessages.FromTemplate(csv, id, name, language), cancellationToken).ConfigureAwait(false);
        }

        public async Task<int> RunMessageAsync(FileInfo message, CancellationToken cancellationToken)
        {
            var (csv, id) = await ReadRecipientsAsync().ConfigureAwait(false);
            if (csv is null)
            {
                return ExitCodes.Usage;
            }

            byte[] json;
            try
            {
                json = await File.ReadAllBytesAsync(message.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"Cannot read '{message}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await SendAsync(id, CampaignMessages.FromMessageFile(csv, id, json, $"'{message}'"), cancellationToken).ConfigureAwait(false);
        }

        private async Task<(RecipientsCsv? Csv, string Id)> ReadRecipientsAsync()
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(recipients.FullName).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"Cannot read '{recipients}': {e.Message}").ConfigureAwait(false);
                return (null, "");
            }

            var csv = RecipientsCsv.Parse(new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes), out var problem);
            if (problem is not null)
            {
                await console.Error.WriteLineAsync($"'{recipients}' cannot be used: {problem}").ConfigureAwait(false);
            }

            return (csv, campaign ?? DefaultCampaignId(bytes));
        }

        private async Task<int> SendAsync(string id, (List<OutboxMessage> Messages, List<BadRow> BadRows) rows, CancellationToken cancellationToken)
        {
            foreach (var bad in rows.BadRows)
            {
                await console.Error.WriteLineAsync($"'{recipients}' line {bad.Line} (row {bad.Number}) is not sent: {bad.Problem}").ConfigureAwait(false);
            }

            var keyPrefix = CampaignMessages.KeyOf(id, row: 0)[..^1];
            ConnectionMultiplexer? connection = null;
            try
            {
                await using var outbox = MessageOutbox.Open(store);
                var added = await outbox.EnqueueManyAsync(rows.Messages, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync(
                    $"Campaign {id}: {rows.Messages.Count} row(s) to send, {added} new in the outbox, {rows.BadRows.Count} bad row(s).").ConfigureAwait(false);

                var limits = new SendRateLimitOptions { MessagesPerSecond = messagesPerSecond };
                ISendRateLimiter limiter = new InProcessSendRateLimiter(limits);
                if (redis is not null)
                {
                    var configuration = ConfigurationOptions.Parse(redis);
                    configuration.AbortOnConnectFail = false;
                    connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
                    limiter = new RedisSendRateLimiter(connection, new RedisSendRateLimiterOptions { Limits = limits });
                }

                using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = apiKey, BaseAddress = baseUrl, RateLimiter = limiter });
                var sender = new OutboxSender(outbox, client, new OutboxSenderOptions { Concurrency = concurrency, BatchSize = concurrency * 2, KeyPrefix = keyPrefix });
                var sending = sender.DrainAsync(cancellationToken);
                await CampaignProgress.ShowWhileAsync(console, outbox, keyPrefix, sending).ConfigureAwait(false);
                await sending.ConfigureAwait(false);

                var totals = await CampaignTotals.PrintAsync(console.Out, outbox, keyPrefix, CancellationToken.None).ConfigureAwait(false);
                var (overhead, starting) = (sender.Overhead, sender.StartingOverhead);
                await console.Error.WriteLineAsync(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"Outbox overhead per message sent here: median {overhead.Median.TotalMilliseconds:0.00} ms, p99 {overhead.P99.TotalMilliseconds:0.00} ms ({overhead.Count} messages); in the first second of each stretch of sending: median {starting.Median.TotalMilliseconds:0.00} ms, p99 {starting.P99.TotalMilliseconds:0.00} ms ({starting.Count} messages).")).ConfigureAwait(false);
                if (totals.Unfinished > 0)
                {
                    await console.Error.WriteLineAsync($"Stopped with {totals.Unfinished} message(s) not sent yet: run the same command again to continue.").ConfigureAwait(false);
                }

                return totals.Unsuccessful == 0 && totals.Unfinished == 0 && rows.BadRows.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (WhatsAppApiException e) when (e.IsAuthenticationFailure)
            {
                await console.Error.WriteLineAsync($"The API refused the key: {e.Message} Nothing more was sent; the rest stays pending.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (Exception e) when (IsStoreProblem(e))
            {
                await console.Error.WriteLineAsync($"Cannot use the outbox store: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
