using MessageGen.Serialization;

namespace MessageGen;

/// <summary>
/// A message breaks its schema: thrown by generated <c>Build()</c> and <c>FromJson</c> with the violations found,
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
        TotalCount = CountAll(errors);
    }

    /// <summary>The name of the message type that failed validation.</summary>
    public string MessageType { get; }

    /// <summary>
    /// The violations, in the order found: every one, or the first <see cref="ValidationErrors.Capacity"/> when
    /// generated code found more (see <see cref="TotalCount"/>).
    /// </summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>How many violations were found, listed in <see cref="Errors"/> or not.</summary>
    public int TotalCount { get; }

    private static int CountAll(IReadOnlyList<ValidationError> errors) =>
        errors.Count + (errors is ValidationErrors { Omitted: var omitted } ? omitted : 0);

    private static string Describe(string messageType, IReadOnlyList<ValidationError> errors)
    {
        var total = CountAll(errors);
        var listed = errors.Take(ValidationErrors.Capacity).ToList();
        var noun = total == 1 ? "violation" : "violations";
        var more = total > listed.Count ? $"{Environment.NewLine}  … and {total - listed.Count} more" : "";
        return $"{messageType} is not valid ({total} {noun}):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", listed) + more;
    }
}
