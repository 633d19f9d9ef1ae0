using Microsoft.Extensions.Options;

namespace MessageGen.Webhooks;

/// <summary>
/// The default <see cref="IWebhookEventStore"/>: one process's memory, bounded by
/// <see cref="WhatsAppWebhookOptions.DeduplicationCapacity"/> and <see cref="WhatsAppWebhookOptions.DeduplicationWindow"/>.
/// </summary>
public sealed class InMemoryWebhookEventStore : IWebhookEventStore
{
    // A claim whose handler never finished (a hung handler) stops blocking redeliveries after this long.
    private static readonly TimeSpan s_claimTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Added)> _order = new();
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _capacity;

    /// <summary>Creates the store with the options' window and capacity.</summary>
    public InMemoryWebhookEventStore(IOptions<WhatsAppWebhookOptions> options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _window = options.Value.DeduplicationWindow;
        _capacity = Math.Max(1, options.Value.DeduplicationCapacity);
    }

    /// <inheritdoc />
    public ValueTask<EventClaim> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            ForgetExpired(now);
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.IsHandled)
                {
                    return ValueTask.FromResult(EventClaim.Handled);
                }

                if (now - entry.Since < s_claimTimeout)
                {
                    return ValueTask.FromResult(EventClaim.InProgress);
                }
            }
            else
            {
                MakeRoom();
            }

            _entries[key] = new Entry(IsHandled: false, now);
            _order.Enqueue((key, now));
            return ValueTask.FromResult(EventClaim.New);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = entry with { IsHandled = true };
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && !entry.IsHandled)
            {
                _entries.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.Added > _window)
        {
            ForgetOldest();
        }
    }

    private void MakeRoom()
    {
        while (_entries.Count >= _capacity && _order.Count > 0)
        {
            ForgetOldest();
        }
    }

    /// <summary>Drops the oldest claim, unless its key was claimed again since (then a later item stands for it).</summary>
    private void ForgetOldest()
    {
        var (key, added) = _order.Dequeue();
        if (_entries.TryGetValue(key, out var entry) && entry.Since == added)
        {
            _entries.Remove(key);
        }
    }

    private readonly record struct Entry(bool IsHandled, DateTimeOffset Since);
}
