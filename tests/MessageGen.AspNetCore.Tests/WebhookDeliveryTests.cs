using System.Net;
using MessageGen.Webhooks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MessageGen.AspNetCore.Tests;

/// <summary>At-least-once delivery: redeliveries, handler failures, concurrent duplicates and out-of-order statuses.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task A_redelivered_notification_is_answered_200_and_not_handed_on_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var payload = Payloads.Get("inbound-text");

        var first = await receiver.PostAsync(payload);
        var second = await receiver.PostAsync(payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(receiver.Events);
        Assert.Equal(1, receiver.Duplicates.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Each_status_of_a_message_is_its_own_event_in_whatever_order_it_comes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Statuses(("wamid.A", "read")));
        await receiver.PostAsync(Payloads.Statuses(("wamid.A", "delivered")));
        await receiver.PostAsync(Payloads.Statuses(("wamid.A", "read"), ("wamid.A", "sent")));

        Assert.Equal(["read", "delivered", "sent"], receiver.Events.Cast<MessageStatusEvent>().Select(s => s.Status));
    }

    [Fact]
    public async Task When_the_handler_throws_the_delivery_is_500_and_the_redelivery_hands_on_only_what_was_not_handled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failOnce = true;
        receiver.BeforeRecording = (e, _) =>
        {
            if (e is MessageStatusEvent { MessageId: "wamid.B" } && failOnce)
            {
                failOnce = false;
                throw new InvalidOperationException("database down");
            }

            return Task.CompletedTask;
        };
        var payload = Payloads.Statuses(("wamid.A", "sent"), ("wamid.B", "sent"), ("wamid.C", "sent"));

        var failed = await receiver.PostAsync(payload);
        var redelivered = await receiver.PostAsync(payload);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(["wamid.A", "wamid.B", "wamid.C"], receiver.Events.Cast<MessageStatusEvent>().Select(s => s.MessageId));
        Assert.Equal(1, receiver.Failed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, receiver.Duplicates.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Contains(receiver.Logs.GetSnapshot(), r => r.Id.Name == "WebhookHandlerFailed" && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_duplicate_that_arrives_while_the_first_is_handled_is_answered_so_that_it_comes_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.BeforeRecording = async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
        };
        var payload = Payloads.Get("status-read");

        var first = receiver.PostAsync(payload);
        await entered.Task;
        var concurrent = await receiver.PostAsync(payload);
        release.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, concurrent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await receiver.PostAsync(payload)).StatusCode);
        Assert.Single(receiver.Events);
    }

    [Fact]
    public async Task Errors_not_tied_to_a_message_are_handed_on_at_each_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await receiver.PostAsync(Payloads.Get("errors-only"));
        await receiver.PostAsync(Payloads.Get("errors-only"));

        Assert.Equal(2, receiver.Events.Count);
    }

    [Fact]
    public async Task The_in_memory_store_forgets_after_its_window_and_beyond_its_capacity()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryWebhookEventStore(Options.Create(new WhatsAppWebhookOptions { DeduplicationWindow = TimeSpan.FromHours(1), DeduplicationCapacity = 2 }), time);

        Assert.Equal(EventClaim.New, await Claim(store, "a"));
        Assert.Equal(EventClaim.Handled, await store.TryClaimAsync("a", default));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(EventClaim.New, await Claim(store, "a"));
        Assert.Equal(EventClaim.New, await Claim(store, "b"));
        Assert.Equal(EventClaim.New, await Claim(store, "c"));
        Assert.Equal(EventClaim.New, await store.TryClaimAsync("a", default));
        Assert.Equal(EventClaim.Handled, await store.TryClaimAsync("c", default));
    }

    [Fact]
    public async Task A_released_claim_can_be_taken_again_and_a_stale_one_after_five_minutes()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryWebhookEventStore(Options.Create(new WhatsAppWebhookOptions()), time);

        Assert.Equal(EventClaim.New, await store.TryClaimAsync("a", default));
        Assert.Equal(EventClaim.InProgress, await store.TryClaimAsync("a", default));
        await store.ReleaseAsync("a", default);
        Assert.Equal(EventClaim.New, await store.TryClaimAsync("a", default));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(EventClaim.New, await store.TryClaimAsync("a", default));
    }

    [Fact]
    public async Task A_registered_store_replaces_the_in_memory_one()
    {
        var services = new ServiceCollection().AddSingleton<IWebhookEventStore, RecordingStore>().AddWhatsAppWebhooks(o => o.AllowUnauthenticated = true);

        await using var provider = services.BuildServiceProvider();

        Assert.IsType<RecordingStore>(provider.GetRequiredService<IWebhookEventStore>());
    }

    private static async Task<EventClaim> Claim(IWebhookEventStore store, string key)
    {
        var claim = await store.TryClaimAsync(key, default);
        await store.CompleteAsync(key, default);
        return claim;
    }

    private sealed class RecordingStore : IWebhookEventStore
    {
        public ValueTask<EventClaim> TryClaimAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(EventClaim.New);

        public ValueTask CompleteAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
