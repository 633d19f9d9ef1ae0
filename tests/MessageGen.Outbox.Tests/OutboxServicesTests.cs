using MessageGen.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MessageGen.Outbox.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxServicesTests(OutboxDatabases databases)
{
    [Fact]
    public async Task A_host_with_the_outbox_registered_sends_what_the_application_enqueues()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWhatsAppClient(o =>
        {
            o.ApiKey = sandbox.ApiKey;
            o.BaseAddress = sandbox.BaseAddress;
        });
        builder.Services.AddWhatsAppOutbox(await databases.NewStoreAsync("sqlite"), o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        using var host = builder.Build();
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<IMessageOutbox>();

        await outbox.EnqueueAsync(TestMessages.Text(TestMessages.Recipient(1)), "from-the-app");

        for (var i = 0; i < 200 && (await outbox.FindAsync("from-the-app"))?.State != OutboxState.Accepted; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(OutboxState.Accepted, (await outbox.FindAsync("from-the-app"))?.State);
        Assert.Same(outbox, host.Services.GetRequiredService<MessageOutbox>());
        await host.StopAsync();
        Assert.Single(sandbox.Messages);
    }
}
