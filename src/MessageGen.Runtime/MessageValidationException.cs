namespace MessageGen;

/// <summary>
/// A message breaks its schema: thrown by generated <c>Build()</c> and <c>FromJson</c> with every violation found,
/// each with its JSON path, so that one run shows everything to fix.
/// </summary>
public sealed class MessageValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="messageType"/> with its violations.</summary>
    public MessageValidationException(string messageType, IReadOnlyList<ValidationError> errors)
        : base(Describe(messageType, errors))
    {
        MessageType = messageType;
        Errors = errors;
    }

    /// <summary>The name of the message type that failed validation.</summary>
    public string MessageType { get; }

    /// <summary>Every violation, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(string messageType, IReadOnlyList<ValidationError> errors)
    {
        var noun = errors.Count == 1 ? "violation" : "violations";
        return $"{messageType} is not valid ({errors.Count} {noun}):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", errors);
    }
}
