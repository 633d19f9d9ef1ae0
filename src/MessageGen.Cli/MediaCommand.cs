using System.CommandLine;
using System.Globalization;

namespace MessageGen.Cli;

/// <summary><c>messagegen media download MEDIA_ID --output FILE</c>: downloads received media, checked against the API's hash.</summary>
internal static class MediaCommand
{
    public static Command Create(CliConsole console)
    {
        var mediaId = new Argument<string>("MEDIA_ID") { Description = "The media id, from an inbound message's webhook." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write; it appears only when the download is complete and checked.", HelpName = "FILE", Required = true };
        var apiKey = ApiConnectionOptions.ApiKey();
        var baseUrl = ApiConnectionOptions.BaseUrl();
        var download = new Command(
            "download",
            "Download received media (GET /{media-id}, then the file from the API's host), checking its size and SHA-256." + Environment.NewLine +
            "Exit codes: 0 downloaded, 1 refused by the API, network failure or damaged download, 2 bad usage.")
        {
            mediaId, output, apiKey, baseUrl,
        };
        OptionValues.RequireValues(download, (output, "photo.jpg"), (apiKey, "$" + ApiConnectionOptions.ApiKeyVariable));
        download.SetAction((parseResult, cancellationToken) => DownloadAsync(
            console,
            parseResult.GetRequiredValue(mediaId),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(apiKey),
            parseResult.GetRequiredValue(baseUrl),
            cancellationToken));
        return new Command("media", "Work with media on the API.") { download };
    }

    private static async Task<int> DownloadAsync(CliConsole console, string mediaId, FileInfo output, string? apiKey, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var client = await ApiConnectionOptions.CreateClientAsync(console, apiKey, baseUrl, retries: 3).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            var download = await client.DownloadMediaAsync(mediaId, output.FullName, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(
                $"{output.FullName} {download.Length.ToString(CultureInfo.InvariantCulture)} bytes {download.MimeType} sha256 {download.Sha256}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is WhatsAppException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
