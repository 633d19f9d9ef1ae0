using System.CommandLine;
using MessageGen.Cli.Schema;

namespace MessageGen.Cli;

/// <summary><c>messagegen send</c>: builds a video message, checks it against the schema and sends it.</summary>
internal static class SendCommand
{
    public static Command Create(CliConsole console)
    {
        var to = new Option<string>("--to")
        {
            Description = "The recipient's phone number in international format, e.g. +4915112345678.",
            HelpName = "PHONE",
            Required = true,
        };
        var id = new Option<string?>("--id") { Description = "The id of uploaded media (from POST /media).", HelpName = "MEDIA_ID" };
        var link = new Option<string?>("--link") { Description = "The https:// URL of hosted media.", HelpName = "URL" };
        var caption = new Option<string?>("--caption") { Description = "Text shown under the video, at most 1024 characters.", HelpName = "TEXT" };
        var apiKey = ApiConnectionOptions.ApiKey();
        var baseUrl = ApiConnectionOptions.BaseUrl();
        var retries = new Option<int>("--retries")
        {
            Description = "How many times to retry when the API is busy or failing (429 or code 130429, 500, 502, 503, 504) or cannot be reached. A send with no answer is never retried.",
            HelpName = "N",
            DefaultValueFactory = _ => 3,
        };
        IntOptionRange.Require(retries, 0, int.MaxValue, "--retries must not be negative.");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the JSON body that would be sent, and send nothing." };

        var command = new Command(
            "send",
            "Send a video message. Prints the accepted message id." + Environment.NewLine +
            "Exit codes: 0 accepted, 1 rejected by the API or network failure, 2 bad usage or invalid message (nothing sent)." + Environment.NewLine +
            "Example: messagegen send --to +4915112345678 --link https://example.com/clip.mp4 --caption \"Hello\"")
        {
            to, id, link, caption, apiKey, baseUrl, retries, dryRun,
        };
        OptionValues.RequireValues(
            command,
            (to, "+4915112345678"),
            (id, "1234567890"),
            (link, "https://example.com/clip.mp4"),
            (caption, "\"Our new clip\""),
            (apiKey, "$" + ApiConnectionOptions.ApiKeyVariable));
        command.Validators.Add(result =>
        {
            var hasId = result.GetResult(id) is not null;
            var hasLink = result.GetResult(link) is not null;
            if (hasId == hasLink)
            {
                result.AddError("Give exactly one of --id (uploaded media) and --link (hosted media).");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            new SendRequest(
                parseResult.GetRequiredValue(to),
                parseResult.GetValue(id),
                parseResult.GetValue(link),
                parseResult.GetValue(caption),
                parseResult.GetValue(apiKey),
                parseResult.GetRequiredValue(baseUrl),
                parseResult.GetValue(retries),
                parseResult.GetValue(dryRun)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, SendRequest request, CancellationToken cancellationToken)
    {
        VideoMessage message;
        try
        {
            message = VideoMessage.Builder()
                .WithTo(request.To)
                .WithVideo(video =>
                {
                    if (request.Id is not null)
                    {
                        video.WithId(request.Id);
                    }

                    if (request.Link is not null)
                    {
                        video.WithLink(request.Link);
                    }

                    return request.Caption is null ? video : video.WithCaption(request.Caption);
                })
                .Build();
        }
        catch (MessageValidationException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (request.DryRun)
        {
            await console.Out.WriteLineAsync(message.ToJson()).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var client = await ApiConnectionOptions.CreateClientAsync(console, request.ApiKey, request.BaseUrl, request.Retries).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.Usage;
        }

        using (client)
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

    private sealed record SendRequest(
        string To, string? Id, string? Link, string? Caption, string? ApiKey, Uri BaseUrl, int Retries, bool DryRun);
}
