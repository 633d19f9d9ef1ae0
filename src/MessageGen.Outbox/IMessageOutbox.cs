namespace MessageGen.Outbox;

/// <summary>
/// A durable outbox of WhatsApp messages: what is enqueued survives restarts and is sent once by an
/// <see cref="OutboxSender"/>, however many workers drain it.
/// </summary>
public interface IMessageOutbox
{
    /// <summary>
    /// Validates <paramref name="message"/> and stores it to be sent, unless a message with the same
    /// <paramref name="key"/> is already there (then nothing changes, whatever its state).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="key">The caller's idempotency key, e.g. <c>order-1042-shipped</c>; at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when the message was added; false when the key was already there.</returns>
    /// <exception cref="MessageValidationException">The message breaks its schema; nothing was stored.</exception>
    Task<bool> EnqueueAsync(IWhatsAppMessage message, string key, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="EnqueueAsync(IWhatsAppMessage, string, CancellationToken)"/> for many messages, in one transaction.</summary>
    /// <returns>How many were added (keys already there are skipped).</returns>
    /// <exception cref="MessageValidationException">A message breaks its schema; nothing was stored.</exception>
    Task<int> EnqueueManyAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the message the API knows as <paramref name="messageId"/> on, from a status webhook: <c>delivered</c>,
    /// <c>read</c> or <c>failed</c> (with its code). Never moves a row back (a late <c>delivered</c> after <c>read</c>
    /// changes nothing); other statuses (<c>sent</c>, new ones) change nothing. A status that arrives before the send's own
    /// answer was recorded is kept and applied when it is.
    /// </summary>
    /// <param name="messageId">The status's message id (<c>wamid</c>).</param>
    /// <param name="status">The API's status string.</param>
    /// <param name="errorCode">The first error's code, for <c>failed</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when a message of this outbox has that id.</returns>
    Task<bool> RecordStatusAsync(string messageId, string status, int? errorCode = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the messages in each state, of those whose key starts with <paramref name="keyPrefix"/> (all when null).</summary>
    Task<OutboxTotals> GetTotalsAsync(string? keyPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>Lists up to <paramref name="limit"/> messages in <paramref name="state"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetEntriesAsync(OutboxState state, string? keyPrefix = null, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>The message enqueued with <paramref name="key"/>; null when there is none.</summary>
    Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken = default);
}
