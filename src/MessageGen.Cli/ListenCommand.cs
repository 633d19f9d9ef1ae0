using System.CommandLine;
using System.Globalization;
using System.Net;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Cli;

/// <summary><c>messagegen listen</c>: receives webhooks on 127.0.0.1 and prints each event as one line, until Ctrl+C.</summary>
internal static class ListenCommand
{
    public static Command Create(CliConsole console)
    {
        var port = PortOption.Create();
        var header = HeaderOption.Create("--header", "The header each delivery must carry (as configured with the webhook URL); without it, any delivery is accepted.");

        var command = new Command(
            "listen",
            "Receive WhatsApp webhooks on 127.0.0.1 (any path) and print each event as one line: statuses, inbound messages, errors. " +
            "Point the sandbox at it with 'messagegen sandbox --webhook-url http://127.0.0.1:PORT/'. Stop it with Ctrl+C.")
        {
            port, header,
        };
        OptionValues.RequireValues(command, (header, "\"X-Secret: s3cret\""));
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, parseResult.GetValue(port), parseResult.GetValue(header), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, KeyValuePair<string, string>? header, CancellationToken cancellationToken)
    {
        var printer = new BackgroundLinePrinter(console.Out);
        await using (printer.ConfigureAwait(false))
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            builder.Logging.ClearProviders();
            builder.Services.AddWhatsAppWebhooks(o =>
            {
                (o.HeaderName, o.HeaderValue) = (header?.Key, header?.Value);
                o.AllowUnauthenticated = header is null;
            });
            var app = builder.Build();
            app.MapWhatsAppWebhook("/{**path}", (e, _) =>
            {
                printer.Print(Describe(e));
                return Task.CompletedTask;
            });
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await console.Error.WriteLineAsync($"Could not listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using (app.ConfigureAwait(false))
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                printer.Print($"Listening for webhooks on {address}/" + (header is { } h ? $" (deliveries must carry {h.Key})" : " (any delivery is accepted)"));
                printer.Print("Press Ctrl+C to stop.");
                await RunUntilStopped.WaitAsync(cancellationToken).ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            printer.Print("Stopped.");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// One line per event: <c>status wamid.X delivered to 4915112345678</c>, <c>failed</c> with its code and title,
    /// <c>message wamid.Y from 4915112345678 (Anna) text: hi</c>, <c>error 131000 ...</c>.
    /// </summary>
    internal static string Describe(WhatsAppEvent e) => e switch
    {
        MessageStatusEvent s => $"status {s.MessageId} {s.Status} to {s.RecipientId}{Errors(s.Errors)}",
        InboundMessageEvent m => $"message {m.MessageId} from {m.From}{(m.ProfileName is { } name ? $" ({name})" : "")} {m.Type}{Detail(m)}",
        WebhookErrorEvent error => "error" + Errors(error.Errors),
        _ => e.GetType().Name,
    };

    private static string Detail(InboundMessageEvent m)
        => m.Text is { } text ? ": " + OneLine(text)
            : m.Media is { } media ? $": {media.Id} {media.MimeType}{(media.Caption is { } caption ? " " + OneLine(caption) : "")}"
            : string.Empty;

    private static string Errors(IReadOnlyList<WhatsAppError> errors)
        => string.Concat(errors.Select(error => $" {error.Code.ToString(CultureInfo.InvariantCulture)} {error.Title}{(error.Details is { } details ? ": " + OneLine(details) : "")}"));

    /// <summary>Text from the sender, kept on its line: line breaks and other control characters are escaped.</summary>
    private static string OneLine(string text)
        => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
