using MessageGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace MessageGen.AspNetCore.Tests;

/// <summary>A receiver that would accept anyone's deliveries does not start.</summary>
public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData(null, null, null, "would accept anyone's deliveries")]
    [InlineData("X-Secret", null, null, "Set both")]
    [InlineData(null, "value", null, "Set both")]
    public async Task The_app_does_not_start_without_a_secret(string? headerName, string? headerValue, string? signatureKey, string expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddWhatsAppWebhooks(o => (o.HeaderName, o.HeaderValue, o.SignatureKey) = (headerName, headerValue, signatureKey));
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            app.MapWhatsAppWebhook("/hook", (_, _) => Task.CompletedTask);
            await app.StartAsync();
        });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_without_AddWhatsAppWebhooks_says_what_to_call()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWhatsAppWebhook("/hook", (_, _) => Task.CompletedTask));

        Assert.Contains("AddWhatsAppWebhooks", error.Message, StringComparison.Ordinal);
    }
}
