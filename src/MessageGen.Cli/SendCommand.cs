using System.CommandLine;
using System.CommandLine.Parsing;
using MessageGen.Cli.Send;

namespace MessageGen.Cli;

/// <summary>
/// <c>messagegen send</c>: builds a message of any type from its options (each <see cref="MessageKind"/> knows its own) or
/// reads a whole body with <c>--json</c>, checks it against the schema, then prints it (<c>--dry-run</c>) or sends it.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new SendOptions();
        var kinds = new MessageKinds(options);
        options.Kind.Description = $"The message type: {kinds.NamesText}. Video when neither it nor --type is given.";
        foreach (var option in options.MessageOptions)
        {
            option.Description += $" [{string.Join(", ", kinds.UsersOf(option))}]";
        }

        var command = new Command("send", Description(kinds)) { options.Kind };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        OptionValues.RequireValues(command, options.ValueExamples);
        command.Validators.Add(kinds.CheckUsage);
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, options, kinds, parseResult.CommandResult, cancellationToken));
        return command;
    }

    private static string Description(MessageKinds kinds) => string.Join(
        Environment.NewLine,
        [
            "Send a message of any type; prints the accepted message id. Name the type first (or with --type); without one, a video is sent. Examples:",
            .. kinds.All.Select(kind => "  " + kind.Example),
            "  messagegen send --json message.json --to +4915112345678   (any type, read from a file; - reads standard input)",
            "Exit codes: 0 accepted, 1 rejected by the API or network failure, 2 bad usage or invalid message (nothing sent).",
        ]);

    private static async Task<int> RunAsync(CliConsole console, SendOptions options, MessageKinds kinds, CommandResult command, CancellationToken cancellationToken)
    {
        var named = kinds.Named(command, out _);
        var to = command.GetValue(options.To);
        var message = command.GetValue(options.Json) is { } json
            ? await JsonMessageFile.ReadAsync(console, kinds, json, named, to, cancellationToken).ConfigureAwait(false)
            : await BuildAsync(console, named ?? kinds.Default, command, to!).ConfigureAwait(false);
        if (message is null)
        {
            return ExitCodes.Usage;
        }

        if (command.GetValue(options.DryRun))
        {
            await console.Out.WriteLineAsync(message.ToJson()).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var client = await ApiConnectionOptions.CreateClientAsync(
            console, command.GetValue(options.ApiKey), command.GetRequiredValue(options.BaseUrl), command.GetValue(options.Retries)).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.Usage;
        }

        using (client)
        {
            return await SendAsync(console, client, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The message the options describe, or null after printing every schema violation with its JSON path.</summary>
    private static async Task<IWhatsAppMessage?> BuildAsync(CliConsole console, MessageKind kind, CommandResult command, string to)
    {
        var message = kind.Build(command, to);
        var errors = message.Validate();
        if (errors.Count == 0)
        {
            return message;
        }

        await console.Error.WriteLineAsync(new MessageValidationException(message.GetType().Name, errors).Message).ConfigureAwait(false);
        return null;
    }

    private static async Task<int> SendAsync(CliConsole console, WhatsAppClient client, IWhatsAppMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(result.MessageId).ConfigureAwait(false);
            if (result.MessageStatus is { } status && status != WhatsAppMessageStatus.Accepted)
            {
                await console.Error.WriteLineAsync($"Message status: {status}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (WhatsAppException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Cancelled. If the request had been sent, the message may have been delivered.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
