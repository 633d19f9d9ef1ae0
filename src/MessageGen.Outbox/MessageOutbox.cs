using System.Buffers;
using MessageGen.Outbox.Storage;
using MessageGen.Serialization;

namespace MessageGen.Outbox;

/// <summary>
/// The outbox in a SQLite file (one machine) or a PostgreSQL database (several workers, several machines). The tables are
/// created, or migrated from an older version, on first use.
/// </summary>
/// <example><code>
/// await using var outbox = MessageOutbox.Open("outbox.db");
/// await outbox.EnqueueAsync(message, key: "order-1042-shipped");
/// </code></example>
public sealed class MessageOutbox : IMessageOutbox, IAsyncDisposable
{
    /// <summary>The longest idempotency key.</summary>
    public const int MaxKeyLength = 200;

    private MessageOutbox(string store) => Store = new OutboxStore(store);

    internal OutboxStore Store { get; }

    /// <summary>
    /// Opens the outbox at <paramref name="store"/>: a PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>), or
    /// else a SQLite file path (created when missing) or SQLite connection string (<c>Data Source=…</c>).
    /// </summary>
    /// <param name="store">Where the outbox is; never logged, since a connection string may hold a password.</param>
    public static MessageOutbox Open(string store) => new(store);

    /// <inheritdoc/>
    public async Task<bool> EnqueueAsync(IWhatsAppMessage message, string key, CancellationToken cancellationToken = default) =>
        await EnqueueManyAsync([new OutboxMessage(key, message)], cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task<int> EnqueueManyAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rows = new List<(string Key, string Recipient, byte[] Body)>();
        foreach (var (key, message) in messages)
        {
            rows.Add(Row(key, message));
        }

        return Store.EnqueueAsync(rows, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RecordStatusAsync(string messageId, string status, int? errorCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(status);
        return OutboxStateNames.OfWebhookStatus(status) is { } state
            ? Store.RecordStatusAsync(messageId, state, state == OutboxState.Failed ? errorCode : null, cancellationToken)
            : Store.IsKnownAsync(messageId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<OutboxTotals> GetTotalsAsync(string? keyPrefix = null, CancellationToken cancellationToken = default) =>
        new(await Store.CountAsync(keyPrefix, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxEntry>> GetEntriesAsync(OutboxState state, string? keyPrefix = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Store.ListAsync(state, keyPrefix, limit, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Store.FindAsync(key, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Store.DisposeAsync();

    private static (string Key, string Recipient, byte[] Body) Row(string key, IWhatsAppMessage message)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(message);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key has at most {MaxKeyLength} characters; this one has {key.Length}.", nameof(key));
        }

        var errors = message.Validate();
        if (errors.Count > 0)
        {
            throw new MessageValidationException(message.GetType().Name, errors);
        }

        var body = new ArrayBufferWriter<byte>();
        message.WriteTo(body);
        var recipient = TopLevelMember.TryReadString(body.WrittenSpan, "to"u8) ?? string.Empty;
        return (key, recipient, body.WrittenSpan.ToArray());
    }
}
