using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace MessageGen.Runtime.Tests.Client;

public sealed class ClientInterfaceRegistrationTests
{
    [Fact]
    public async Task The_interface_resolves_to_the_configured_client_and_sends()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options => (options.ApiKey, options.BaseAddress) = (sandbox.ApiKey, sandbox.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IWhatsAppClient>();
        var result = await client.SendAsync(Messages.Video());

        Assert.IsType<WhatsAppClient>(client);
        Assert.Equal(sandbox.BaseAddress, client.BaseAddress);
        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task The_interface_and_the_class_resolve_to_the_same_instance()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var services = new ServiceCollection();

        // An application that keeps one client for its lifetime registers it first; the interface follows it.
        services.AddSingleton(provider => provider.GetRequiredService<IWhatsAppClientFactory>().CreateClient(""));
        services.AddWhatsAppClient(options => (options.ApiKey, options.BaseAddress) = (sandbox.ApiKey, sandbox.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        var byClass = provider.GetRequiredService<WhatsAppClient>();
        var byInterface = provider.GetRequiredService<IWhatsAppClient>();

        Assert.Same(byClass, byInterface);
        Assert.Same(byClass, provider.GetRequiredService<IWhatsAppClient>());
    }

    [Fact]
    public async Task The_interface_is_registered_once_however_often_the_client_is()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options => options.ApiKey = "key");
        services.AddWhatsAppClient(options => options.ApiKey = "key");
        services.AddWhatsAppClient("named", options => options.ApiKey = "key");
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IWhatsAppClient));
        Assert.Single(provider.GetServices<IWhatsAppClient>());
    }

    [Fact]
    public async Task A_users_own_registration_of_the_interface_wins()
    {
        var services = new ServiceCollection();
        var fake = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = "fake-key", BaseAddress = new Uri("http://127.0.0.1:9/") });
        services.AddSingleton<IWhatsAppClient>(fake);
        services.AddWhatsAppClient(options => options.ApiKey = "key");
        await using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<IWhatsAppClient>());
    }
}
