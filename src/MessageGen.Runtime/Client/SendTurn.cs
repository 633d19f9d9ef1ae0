namespace MessageGen;

/// <summary>A message's place in the rate limits, as the client hands it to whoever records the send before its POST.</summary>
/// <param name="UntilDue">How long until the place is due, from when it was taken (zero: now).</param>
/// <param name="Due">Completes when the place is due: the POST goes then, or once the record is written if that is later.</param>
internal readonly record struct SendTurn(TimeSpan UntilDue, Task Due);
