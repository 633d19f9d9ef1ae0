// Builds a WhatsApp video message with the generated builder and sends it: to the 360dialog API when D360_API_KEY is
// set (and WHATSAPP_TO names the recipient), otherwise to a local sandbox this program starts itself.
using MessageGen;
using MessageGen.Sandbox;
using MessageGen.WhatsApp;

var apiKey = Environment.GetEnvironmentVariable("D360_API_KEY");
var recipient = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("WHATSAPP_TO");
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
        var message = VideoMessage.Builder()
            .WithTo(recipient)
            .WithVideo(video => video
                .WithLink(videoUrl)
                .WithCaption("Sent with MessageGen 🎬"))
            .Build();

        Console.WriteLine("Request body:");
        Console.WriteLine(message.ToJson());

        using var client = new WhatsAppClient(options);
        var result = await client.SendAsync(message);
        Console.WriteLine("API answer:");
        Console.WriteLine($"  message id: {result.MessageId}");
        Console.WriteLine($"  status:     {result.MessageStatus ?? "(none given)"}");
        Console.WriteLine($"  wa_id:      {result.WaId ?? "(none given)"}");
        Console.WriteLine("Accepted is not delivered: delivery is reported later by webhook.");
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
