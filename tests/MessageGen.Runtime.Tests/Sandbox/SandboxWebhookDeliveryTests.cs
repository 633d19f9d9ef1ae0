using System.Text.Json;
using MessageGen.Sandbox;
using MessageGen.Webhooks;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>After "accepted", the sandbox delivers each message's statuses to a real MessageGen.AspNetCore receiver, as the API does.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxWebhookDeliveryTests
{
    [Fact]
    public async Task An_accepted_message_gets_sent_delivered_and_read_in_that_order_with_the_APIs_fields()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var wamid = await both.SendVideoAsync("+4915112345678");

        var events = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal(["sent", "delivered", "read"], events.Select(e => e.Status));
        Assert.All(events, e =>
        {
            Assert.Equal(wamid, e.MessageId);
            Assert.Equal("4915112345678", e.RecipientId);
            Assert.Equal(SandboxBusinessNumber.PhoneNumberId, e.PhoneNumberId);
            Assert.Empty(e.Errors);
            Assert.InRange(e.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        });
        Assert.Equal("service", events[0].Source.Conversation!.Origin!.Type);
        Assert.Equal(events[0].Source.Conversation!.Id, events[1].Source.Conversation!.Id);
        Assert.True(events[1].Source.Pricing!.Billable);
        Assert.Null(events[2].Source.Conversation);
    }

    [Fact]
    public async Task Every_delivery_carries_the_configured_header_and_is_one_notification_in_the_Cloud_API_shape()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var wamid = await both.SendVideoAsync("+4915112345678");

        var attempts = await both.ListedAttemptsAsync(listed => listed.Length == 3);
        Assert.All(both.Receiver.DeliveryHeaders, names => Assert.Contains(WebhookReceiverApp.HeaderName, names, StringComparer.OrdinalIgnoreCase));
        Assert.All(attempts, attempt =>
        {
            Assert.Equal(both.Receiver.Url.ToString(), attempt.GetProperty("url").GetString());
            Assert.Equal(200, attempt.GetProperty("status").GetInt32());
            Assert.Equal(1, attempt.GetProperty("attempt").GetInt32());
            var body = attempt.GetProperty("body");
            Assert.Equal("whatsapp_business_account", body.GetProperty("object").GetString());
            var entry = Assert.Single(body.GetProperty("entry").EnumerateArray());
            Assert.Equal(SandboxBusinessNumber.BusinessAccountId, entry.GetProperty("id").GetString());
            var change = Assert.Single(entry.GetProperty("changes").EnumerateArray());
            Assert.Equal("messages", change.GetProperty("field").GetString());
            var value = change.GetProperty("value");
            Assert.Equal("whatsapp", value.GetProperty("messaging_product").GetString());
            Assert.Equal(SandboxBusinessNumber.DisplayPhoneNumber, value.GetProperty("metadata").GetProperty("display_phone_number").GetString());
            var status = Assert.Single(value.GetProperty("statuses").EnumerateArray());
            Assert.Equal(wamid, status.GetProperty("id").GetString());
            Assert.True(long.TryParse(status.GetProperty("timestamp").GetString(), out _));

            // What the sandbox wrote, the generated reader reads back unchanged.
            Assert.Equal(body.GetRawText(), WebhookNotification.FromJson(body.GetRawText()).ToJson());
        });
        Assert.Equal(3, both.Sandbox.WebhookAttempts.Count);
    }

    [Fact]
    public async Task A_delivery_answered_500_is_retried_and_the_receiver_hands_each_event_on_once()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        both.Receiver.SpoilAnswers(2);

        await both.SendVideoAsync("+4915112345678");

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
        var attempts = await both.ListedAttemptsAsync(listed => listed.Count(a => a.GetProperty("status").GetInt32() == 200) == 3);
        Assert.Equal(
            [(500, 1, "sent"), (500, 2, "sent"), (200, 3, "sent"), (200, 1, "delivered"), (200, 1, "read")],
            attempts.Select(a => (a.GetProperty("status").GetInt32(), a.GetProperty("attempt").GetInt32(), StatusOf(a))));
        Assert.Empty(both.Receiver.EventsSoFar());
    }

    [Fact]
    public async Task A_receiver_that_answers_too_late_is_delivered_to_again_and_still_hands_the_event_on_once()
    {
        // Retries that come while the slow delivery is still being handled are answered 503: room for them, however slow the machine.
        await using var both = await SandboxAndReceiver.StartAsync(o =>
        {
            o.WebhookTimeout = TimeSpan.FromMilliseconds(300);
            o.WebhookMaxAttempts = 12;
        });
        var slowOnce = 1;
        both.Receiver.BeforeHandling = async _ =>
        {
            if (Interlocked.Exchange(ref slowOnce, 0) == 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600));
            }
        };

        await both.SendVideoAsync("+4915112345678");

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
        var sent = both.Sandbox.WebhookAttempts.Where(a => a.Summary.StartsWith("sent ", StringComparison.Ordinal)).ToArray();
        Assert.Null(sent[0].StatusCode);
        Assert.Contains("timed out after 0.3 s", sent[0].Error, StringComparison.Ordinal);
        Assert.Equal(200, sent[^1].StatusCode);
        Assert.Empty(both.Receiver.EventsSoFar());
    }

    [Fact]
    public async Task A_receiver_that_never_takes_a_delivery_gets_every_attempt_with_growing_waits_then_the_next_status()
    {
        await using var both = await SandboxAndReceiver.StartAsync(o => o.WebhookMaxAttempts = 5);
        both.Receiver.SpoilAnswers(5);

        await both.SendVideoAsync("+4915112345678");

        // 'sent' was handled at the first attempt (only the answers were lost), so the rest follow.
        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
        var sent = both.Sandbox.WebhookAttempts.Take(5).ToArray();
        Assert.Equal([1, 2, 3, 4, 5], sent.Select(a => a.Attempt));
        Assert.All(sent, a => Assert.Equal(500, a.StatusCode));

        // The base delay (20 ms) doubles after each attempt; the clock may read a timer's wait a little short.
        var waits = sent.Zip(sent.Skip(1), (before, after) => after.SentAt - before.SentAt).ToArray();
        Assert.All(
            waits.Select((wait, i) => (wait, least: TimeSpan.FromMilliseconds(0.9 * (20 << i)))),
            w => Assert.True(w.wait >= w.least, $"waited {w.wait}, less than {w.least}"));
    }

    [Fact]
    public async Task The_statuses_of_each_message_arrive_in_order_while_messages_interleave()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        both.Receiver.SpoilAnswers(4);

        var wamids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => both.SendVideoAsync($"+49151123456{i:D2}")));

        var events = (await both.Receiver.NextEventsAsync(24)).Cast<MessageStatusEvent>().ToArray();
        Assert.All(wamids, wamid => Assert.Equal(["sent", "delivered", "read"], events.Where(e => e.MessageId == wamid).Select(e => e.Status)));
        Assert.Empty(both.Receiver.EventsSoFar());
    }

    [Fact]
    public async Task A_receiver_that_is_not_listening_is_recorded_without_a_status()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { WebhookMaxAttempts = 2, WebhookRetryBaseDelay = TimeSpan.Zero });
        sandbox.Webhook = new SandboxWebhook(new Uri($"http://127.0.0.1:{SandboxAndReceiver.UnusedLoopbackPort()}/hook"));
        using var http = SandboxHttp.Authorized(sandbox);
        using var sent = await http.PostAsync(
            new Uri(sandbox.BaseAddress, "messages"),
            SandboxHttp.Json("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"id":"1"}}"""));

        await WaitUntilAsync(() => sandbox.WebhookAttempts.Count == 6);

        using var listed = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "sandbox/webhooks")));
        Assert.All(listed.RootElement.GetProperty("attempts").EnumerateArray(), a =>
        {
            Assert.Equal(JsonValueKind.Null, a.GetProperty("status").ValueKind);
            Assert.False(string.IsNullOrEmpty(a.GetProperty("error").GetString()));
        });
        Assert.Equal(["sent", "sent", "delivered", "delivered", "read", "read"], sandbox.WebhookAttempts.Select(a => a.Summary.Split(' ')[0]));
    }

    [Fact]
    public async Task Without_a_webhook_nothing_is_delivered_and_messages_are_still_accepted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxHttp.Authorized(sandbox);

        using var sent = await http.PostAsync(
            new Uri(sandbox.BaseAddress, "messages"),
            SandboxHttp.Json("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"id":"1"}}"""));

        Assert.Equal(System.Net.HttpStatusCode.OK, sent.StatusCode);
        using var listed = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "sandbox/webhooks")));
        Assert.Equal(0, listed.RootElement.GetProperty("attempts").GetArrayLength());
        Assert.Null(sandbox.Webhook);
    }

    private static string StatusOf(JsonElement attempt) =>
        attempt.GetProperty("body").GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("statuses")[0].GetProperty("status").GetString()!;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 750 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "The condition did not hold within 15 s.");
    }
}
