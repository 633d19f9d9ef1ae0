using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Client;

public sealed class SecurityTests
{
    private const string SecretKey = "SECRET-KEY-0123456789abcdef";

    [Theory]
    [InlineData("http://waba-v2.example.com/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("ftp://127.0.0.1/")]
    public void An_address_that_would_carry_the_key_in_clear_text_is_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = new Uri(address) }));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://waba-v2.example.com/")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = new Uri(address) });

        Assert.Equal(new Uri(address), client.BaseAddress);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("key\r\nX-Injected: 1")]
    public void A_missing_or_malformed_key_is_refused_without_quoting_it(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new WhatsAppClient(new WhatsAppClientOptions { ApiKey = key }));

        Assert.Equal("apiKey", error.ParamName);
        Assert.Contains("key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Injected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_appears_in_no_log_entry_exception_or_string_form()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { ApiKey = SecretKey });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(new InstantTimeProvider());
        services.AddWhatsAppClient(options =>
        {
            options.ApiKey = SecretKey;
            options.BaseAddress = sandbox.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WhatsAppClient>();

        var failures = new List<Exception>();
        await client.SendAsync(Messages.Video());
        sandbox.Faults.Enqueue(SandboxFault.ServerError(), times: 10);
        failures.Add(await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video())));
        sandbox.Faults.Clear();
        sandbox.Faults.Enqueue(SandboxFault.DropConnection());
        failures.Add(await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video())));

        // The key was sent (the sandbox accepted it) and the logs are not empty, so the absence below means something.
        Assert.Contains(sandbox.Requests, request => request.ApiKeyAccepted);
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "SendingRequest");
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "RetryScheduled");
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "TransportFailed");
        Assert.DoesNotContain(SecretKey, logs.AllText(), StringComparison.Ordinal);
        Assert.All(failures, failure => Assert.DoesNotContain(SecretKey, failure.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(SecretKey, client.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, new WhatsAppClientOptions { ApiKey = SecretKey }.ToString(), StringComparison.Ordinal);
    }
}
