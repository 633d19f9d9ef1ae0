// Builds a WhatsApp video message with the generated builder and sends it: to the 360dialog API when D360_API_KEY is
// set (and WHATSAPP_TO names the recipient), otherwise to a local sandbox this program starts itself. With the
// sandbox it also receives the message's webhooks and prints what happens after "accepted": sent, delivered, read,
// or failed. '--file PATH' uploads that video instead of sending a link (a file WhatsApp cannot play fails with 131053).
using MessageGen;
using MessageGen.Media;
using MessageGen.Sandbox;
using MessageGen.WhatsApp;
using MessageGen.Webhooks;

var apiKey = Environment.GetEnvironmentVariable("D360_API_KEY");
var file = Option("--file");
var recipient = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != file) ?? Environment.GetEnvironmentVariable("WHATSAPP_TO");
var videoUrl = Environment.GetEnvironmentVariable("WHATSAPP_VIDEO_URL") ?? "https://example.com/media/clip.mp4";

SandboxServer? sandbox = null;
WhatsAppClientOptions options;
if (string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = await SandboxServer.StartAsync();
    options = new WhatsAppClientOptions { ApiKey = sandbox.ApiKey, BaseAddress = sandbox.BaseAddress };
    recipient ??= "+15550001234";
    Console.WriteLine($"D360_API_KEY is not set: sending to a local sandbox at {sandbox.BaseAddress}");
}
else
{
    if (string.IsNullOrWhiteSpace(recipient))
    {
        Console.Error.WriteLine("D360_API_KEY is set, so this sends a real message: name the recipient, e.g. 'dotnet run -- +4915112345678' or WHATSAPP_TO.");
        return 2;
    }

    options = new WhatsAppClientOptions { ApiKey = apiKey };
    Console.WriteLine($"Sending to the 360dialog API at {options.BaseAddress}");
}

await using (sandbox)
{
    try
    {
        using var client = new WhatsAppClient(options);

        // With the sandbox, this program is also the webhook receiver: the sandbox delivers to it over loopback.
        await using var receiver = sandbox is null ? null : await WebhookReceiver.StartAsync(client);

        string? mediaId = null;
        if (file is not null)
        {
            await using var video = File.OpenRead(file);
            var report = await VideoFileInspector.InspectAsync(video);
            Console.WriteLine(report.IsCompatible
                ? $"{file} follows WhatsApp's video rules."
                : $"{file} breaks WhatsApp's video rules (sent anyway, to show what the API does): {string.Join("; ", report.Problems.Select(p => p.Message))}");

            // Skipped here only to show the failure; SendVideoAsync refuses such a file before uploading it.
            mediaId = await client.UploadVideoAsync(video, Path.GetFileName(file), new VideoUploadOptions { SkipCompatibilityCheck = true });
        }

        var message = VideoMessage.Builder()
            .WithTo(recipient)
            .WithVideo(v => (mediaId is null ? v.WithLink(videoUrl) : v.WithId(mediaId)).WithCaption("Sent with MessageGen 🎬"))
            .Build();

        Console.WriteLine("Request body:");
        Console.WriteLine(message.ToJson());

        var result = await client.SendAsync(message);
        Console.WriteLine("API answer:");
        Console.WriteLine($"  message id: {result.MessageId}");
        Console.WriteLine($"  status:     {result.MessageStatus ?? "(none given)"}");
        Console.WriteLine($"  wa_id:      {result.WaId ?? "(none given)"}");
        Console.WriteLine("Accepted is not delivered: delivery is reported later by webhook.");
        if (receiver is null)
        {
            Console.WriteLine("Receive the webhooks in your app: see samples/WebhookReceiver.");
            return 0;
        }

        Console.WriteLine("After accepted (webhooks from the sandbox):");
        await foreach (var status in receiver.StatusesOf(result.MessageId, TimeSpan.FromSeconds(30)))
        {
            Console.WriteLine(status.Errors.Count == 0
                ? $"  {status.Status}"
                : $"  {status.Status} {string.Join("; ", status.Errors.Select(e => $"{e.Code} {e.Title}: {e.Details}"))}");
        }

        return 0;
    }
    catch (MessageValidationException e)
    {
        Console.Error.WriteLine($"Nothing was sent: {e.Message}");
        return 2;
    }
    catch (ArgumentException e)
    {
        // A key a header cannot carry, for instance; the key itself is never quoted.
        Console.Error.WriteLine($"Nothing was sent: {e.Message}");
        return 2;
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"Nothing was sent: {e.Message}");
        return 2;
    }
    catch (WhatsAppApiException e)
    {
        Console.Error.WriteLine($"The API rejected the message: {e.Message}");
        return 1;
    }
    catch (WhatsAppTransportException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
