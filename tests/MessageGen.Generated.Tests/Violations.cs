namespace MessageGen.Generated.Tests;

/// <summary>What reading a message reports, for tests that compare violations rather than catch exceptions.</summary>
internal static class Violations
{
    /// <summary>The violations <paramref name="read"/> throws as a <see cref="MessageValidationException"/>; none when it reads the message.</summary>
    public static IReadOnlyList<ValidationError> Of(Action read)
    {
        try
        {
            read();
            return [];
        }
        catch (MessageValidationException e)
        {
            return e.Errors;
        }
    }
}
