namespace MessageGen.Outbox.Storage;

/// <summary>A pending message a worker holds the lease of, to send next.</summary>
internal sealed record ClaimedMessage(long Id, string Key, string Recipient, byte[] Body);
