namespace MessageGen.PackageTests;

/// <summary>A fresh project that sends through the packed MessageGen.Outbox package, as a user would.</summary>
[Collection(PackageFeedCollection.Name)]
public class OutboxPackageTests(PackageFeed feed)
{
    [Fact]
    public void A_consumer_enqueues_twice_under_one_key_and_the_sender_sends_once()
    {
        var consumer = feed.CreateConsumer(
            "OutboxConsumer",
            extraItems: $"""
                <PackageReference Include="MessageGen.Outbox" Version="{feed.Version}" />
                <PackageReference Include="MessageGen.Sandbox" Version="{feed.Version}" />
                """)
            .WithFile("Program.cs", """
                using MessageGen;
                using MessageGen.Outbox;
                using MessageGen.Sandbox;
                using MessageGen.WhatsApp;

                await using var sandbox = await SandboxServer.StartAsync();
                using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = sandbox.ApiKey, BaseAddress = sandbox.BaseAddress });
                await using var outbox = MessageOutbox.Open(Path.Combine(Path.GetTempPath(), $"outbox-{Guid.NewGuid():N}.db"));

                var message = TextMessage.Builder().WithTo("+4915112345678").WithText(t => t.WithBody("Your order shipped")).Build();
                Console.WriteLine($"first: {await outbox.EnqueueAsync(message, "order-1042-shipped")}");
                Console.WriteLine($"again: {await outbox.EnqueueAsync(message, "order-1042-shipped")}");
                await new OutboxSender(outbox, client).DrainAsync();

                var entry = await outbox.FindAsync("order-1042-shipped");
                Console.WriteLine($"state: {entry!.State} {entry.MessageId == sandbox.Messages.Single().Id}");
                Console.WriteLine($"sandbox: {sandbox.Messages.Count}");
                """);

        consumer.Build().ShouldSucceed();
        var output = consumer.Run().ShouldSucceed().Output;

        Assert.Contains("first: True", output, StringComparison.Ordinal);
        Assert.Contains("again: False", output, StringComparison.Ordinal);
        Assert.Contains("state: Accepted True", output, StringComparison.Ordinal);
        Assert.Contains("sandbox: 1", output, StringComparison.Ordinal);
    }
}
