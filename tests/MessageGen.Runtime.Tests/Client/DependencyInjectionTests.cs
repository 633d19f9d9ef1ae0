using System.Net;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MessageGen.Runtime.Tests.Client;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_default_client_is_configured_from_options_and_sends()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options =>
        {
            options.ApiKey = sandbox.ApiKey;
            options.BaseAddress = sandbox.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<WhatsAppClient>().SendAsync(Messages.Video());

        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task Named_clients_send_with_their_own_numbers_key()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var services = new ServiceCollection();
        services.AddWhatsAppClient("sales", options => (options.ApiKey, options.BaseAddress) = (sandbox.ApiKey, sandbox.BaseAddress));
        services.AddWhatsAppClient("support", options => (options.ApiKey, options.BaseAddress) = ("other-number-key", sandbox.BaseAddress));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IWhatsAppClientFactory>();

        await factory.CreateClient("sales").SendAsync(Messages.Video());
        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => factory.CreateClient("support").SendAsync(Messages.Video()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal([true, false], sandbox.Requests.Select(r => r.ApiKeyAccepted));
    }

    [Fact]
    public async Task A_registration_without_a_key_fails_options_validation()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient(_ => { });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<WhatsAppClient>());

        Assert.Contains("An API key is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_with_a_clear_text_address_off_this_machine_fails_options_validation()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options => (options.ApiKey, options.BaseAddress) = ("key", new Uri("http://api.example.com/")));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<WhatsAppClient>());

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_fails_validation_for_what_the_client_refuses_beyond_key_and_scheme()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options => (options.ApiKey, options.Timeout) = ("key with a space", TimeSpan.FromSeconds(5)));
        services.AddWhatsAppClient("negative-timeout", options => (options.ApiKey, options.Timeout) = ("key", TimeSpan.FromSeconds(-1)));
        await using var provider = services.BuildServiceProvider();

        var badKey = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<WhatsAppClient>());
        var badTimeout = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWhatsAppClientFactory>().CreateClient("negative-timeout"));

        Assert.Contains("header cannot carry", badKey.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key with a space", badKey.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be positive", badTimeout.Message, StringComparison.Ordinal);
    }
}
