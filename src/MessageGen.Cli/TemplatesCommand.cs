using System.CommandLine;
using System.Globalization;

namespace MessageGen.Cli;

/// <summary>
/// <c>messagegen templates pull</c>: saves the number's message templates (<c>GET /v1/configs/templates</c>, every page) in
/// the API's shape, the file the generator makes template types from and <c>messagegen sandbox --templates</c> serves.
/// </summary>
internal static class TemplatesCommand
{
    public const string DefaultOutput = "whatsapp-templates.json";

    public static Command Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = $"The file to write (default {DefaultOutput}); it is replaced only once every page is read.",
            HelpName = "FILE",
            DefaultValueFactory = _ => new FileInfo(DefaultOutput),
        };
        var apiKey = ApiConnectionOptions.ApiKey();
        var baseUrl = ApiConnectionOptions.BaseUrl();
        var pull = new Command(
            "pull",
            "Save the number's message templates (GET /v1/configs/templates, every page) as indented JSON in the API's shape. " +
            "Add the file to a project as <AdditionalFiles Include=\"whatsapp-templates.json\" /> to get a type per approved template." + Environment.NewLine +
            "Exit codes: 0 saved, 1 refused by the API or network failure, 2 bad usage (such as no key).")
        {
            output, apiKey, baseUrl,
        };
        OptionValues.RequireValues(pull, (output, DefaultOutput), (apiKey, "$" + ApiConnectionOptions.ApiKeyVariable));
        pull.SetAction((parseResult, cancellationToken) => PullAsync(
            console,
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(apiKey),
            parseResult.GetRequiredValue(baseUrl),
            cancellationToken));
        return new Command("templates", "Work with the number's message templates.") { pull };
    }

    private static async Task<int> PullAsync(CliConsole console, FileInfo output, string? apiKey, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var client = await ApiConnectionOptions.CreateClientAsync(console, apiKey, baseUrl, retries: 3).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.Usage;
        }

        WhatsAppTemplates templates;
        try
        {
            templates = await client.GetTemplatesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WhatsAppException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        try
        {
            await AtomicFile.WriteAsync(output, templates.ToJson(indented: true) + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Could not write {output.FullName}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Saved {templates.Templates.Count} templates ({templates.ApprovedCount} approved) to {output.FullName}")).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
