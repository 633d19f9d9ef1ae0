using MessageGen.Webhooks;
using static MessageGen.Runtime.Tests.Sandbox.TemplateSends;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>An accepted template send lives on like any message: its statuses arrive by webhook.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxTemplateStatusTests
{
    [Fact]
    public async Task An_accepted_template_send_gets_sent_delivered_and_read()
    {
        await using var both = await SandboxAndReceiver.StartAsync(options => options.TemplatesFile = FixturePath);

        using var response = await both.PostAsync("messages", OrderShipped("de_DE"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);

        var events = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal(["sent", "delivered", "read"], events.Select(e => e.Status));
        Assert.All(events, e => Assert.Equal(Assert.Single(both.Sandbox.Messages).Id, e.MessageId));
    }

    [Fact]
    public async Task A_refused_template_send_gets_no_status()
    {
        await using var both = await SandboxAndReceiver.StartAsync(options => options.TemplatesFile = FixturePath);

        using var refused = await both.PostAsync("messages", Body("spring_sale", "en_US", null));
        Assert.False(refused.IsSuccessStatusCode);
        await both.SendVideoAsync("+4915112345678");

        var events = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().ToArray();
        Assert.All(events, e => Assert.Equal(Assert.Single(both.Sandbox.Messages).Id, e.MessageId));
        await both.ListedAttemptsAsync(attempts => attempts.Length >= 3);
        await Task.Delay(300);
        Assert.Equal(3, both.Sandbox.WebhookAttempts.Count);
    }
}
