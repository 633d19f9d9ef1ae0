namespace MessageGen.PackageTests;

/// <summary>A fresh ASP.NET Core project that receives webhooks with the packed MessageGen.AspNetCore package.</summary>
[Collection(PackageFeedCollection.Name)]
public class WebhookPackageTests(PackageFeed feed)
{
    [Fact]
    public void A_consumer_receives_a_status_and_refuses_a_delivery_without_its_header()
    {
        var consumer = feed.CreateConsumer(
            "WebhookConsumer",
            extraItems: $"""<PackageReference Include="MessageGen.AspNetCore" Version="{feed.Version}" />""")
            .WithFile("Program.cs", """"
                using System.Net;
                using MessageGen.Webhooks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Hosting.Server;
                using Microsoft.AspNetCore.Hosting.Server.Features;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Logging;

                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
                builder.Logging.ClearProviders();
                builder.Services.AddWhatsAppWebhooks(o => { o.HeaderName = "X-Secret"; o.HeaderValue = "s3cret"; });
                var app = builder.Build();
                app.MapWhatsAppWebhook("/webhooks/whatsapp", (WhatsAppEvent e, CancellationToken ct) =>
                {
                    if (e is MessageStatusEvent status)
                    {
                        Console.WriteLine($"event: {status.MessageId} {status.Status} {string.Join(",", status.Errors.Select(x => x.Code))}");
                    }

                    return Task.CompletedTask;
                });
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

                var body = """{"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"P"},"statuses":[{"id":"wamid.1","status":"failed","timestamp":"1","recipient_id":"49","errors":[{"code":131053,"title":"Media upload error"}]}]}}]}]}""";
                using var http = new HttpClient();
                using var refused = await http.PostAsync(address + "/webhooks/whatsapp", new StringContent(body));
                using var request = new HttpRequestMessage(HttpMethod.Post, address + "/webhooks/whatsapp") { Content = new StringContent(body) };
                request.Headers.Add("X-Secret", "s3cret");
                using var accepted = await http.SendAsync(request);
                Console.WriteLine($"answers: {(int)refused.StatusCode} {(int)accepted.StatusCode}");
                await app.StopAsync();
                """");

        consumer.Build().ShouldSucceed();
        var output = consumer.Run().ShouldSucceed().Output;

        Assert.Contains("event: wamid.1 failed 131053", output, StringComparison.Ordinal);
        Assert.Contains("answers: 401 200", output, StringComparison.Ordinal);
    }
}
