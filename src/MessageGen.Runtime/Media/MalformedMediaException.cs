namespace MessageGen.Media;

/// <summary>
/// The bytes are not a well-formed ISO base media file. Internal: the inspector turns it into an
/// <see cref="VideoProblemCodes.Unreadable"/> problem and never lets it escape.
/// </summary>
internal sealed class MalformedMediaException(long offset, string reason)
    : Exception($"At byte offset {offset}: {reason}")
{
    public long Offset { get; } = offset;

    public string Reason { get; } = reason;
}
