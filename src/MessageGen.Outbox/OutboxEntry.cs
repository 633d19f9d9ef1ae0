namespace MessageGen.Outbox;

/// <summary>One message in the outbox, as last recorded.</summary>
/// <param name="Key">The idempotency key it was enqueued with.</param>
/// <param name="Recipient">The message's <c>to</c>.</param>
/// <param name="State">Where it stands.</param>
/// <param name="MessageId">The API's message id (<c>wamid</c>), once accepted.</param>
/// <param name="ErrorCode">The API's error code, when it failed (or the last refusal before another try).</param>
/// <param name="Error">What went wrong, when something did; never holds the API key.</param>
/// <param name="Attempts">How many times a worker started sending it.</param>
public sealed record OutboxEntry(string Key, string Recipient, OutboxState State, string? MessageId, int? ErrorCode, string? Error, int Attempts);

/// <summary>A message to enqueue with its idempotency key.</summary>
/// <param name="Key">The caller's idempotency key: enqueuing the same key again adds nothing, so the message is sent once.</param>
/// <param name="Message">The message; validated when enqueued.</param>
public sealed record OutboxMessage(string Key, IWhatsAppMessage Message);
