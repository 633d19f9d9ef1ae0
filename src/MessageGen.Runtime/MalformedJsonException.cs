namespace MessageGen;

/// <summary>The input is not well-formed JSON; <see cref="BytePosition"/> says where reading stopped.</summary>
public sealed class MalformedJsonException : FormatException
{
    /// <summary>Creates the exception for malformed JSON read as <paramref name="messageType"/>.</summary>
    public MalformedJsonException(string messageType, long lineNumber, long bytePosition, string reason, Exception? innerException = null)
        : base($"Malformed JSON for {messageType} at line {lineNumber + 1}, byte {bytePosition}: {reason}", innerException)
    {
        MessageType = messageType;
        LineNumber = lineNumber + 1;
        BytePosition = bytePosition;
    }

    /// <summary>The type that was being read.</summary>
    public string MessageType { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public long LineNumber { get; }

    /// <summary>The 0-based byte offset of the problem within its line (the whole input for compact JSON).</summary>
    public long BytePosition { get; }
}
