namespace MessageGen;

/// <summary>One schema violation: where it is (a JSON path such as <c>$.video.caption</c>) and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending member, rooted at <c>$</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
