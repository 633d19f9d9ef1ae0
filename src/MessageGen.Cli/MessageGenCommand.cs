using System.CommandLine;
using System.CommandLine.Invocation;

namespace MessageGen.Cli;

/// <summary>The root command and how it runs: parse errors exit with 2, as every usage error does.</summary>
internal static class MessageGenCommand
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(
            "Send WhatsApp messages of every type through the 360dialog API, check media files against WhatsApp's rules, " +
            "run a local sandbox of the API, receive its webhooks, download media and pull message templates.")
        {
            SendCommand.Create(console),
            InspectCommand.Create(),
            SandboxCommand.Create(console),
            ListenCommand.Create(console),
            MediaCommand.Create(console),
            TemplatesCommand.Create(console),
            Campaign.CampaignCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parseResult = Create(console).Parse(args);
        // Ctrl+C cancels the command's token; a campaign then finishes the sends in flight, which may take a few seconds.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            var command = parseResult.CommandResult.Command is RootCommand ? "messagegen" : $"messagegen {parseResult.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
