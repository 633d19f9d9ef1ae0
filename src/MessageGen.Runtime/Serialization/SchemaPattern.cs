using System.ComponentModel;
using System.Text.RegularExpressions;

namespace MessageGen.Serialization;

/// <summary>
/// A schema's <c>pattern</c> for generated validation: the <see cref="Source"/> as the schema wrote it (shown in
/// messages) and the <see cref="Regex"/> the generator rewrote from it so that .NET matches as ECMA-262 does.
/// </summary>
/// <param name="source">The pattern as written in the schema.</param>
/// <param name="regex">The equivalent .NET expression.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaPattern(string source, Regex regex)
{
    /// <summary>The pattern as written in the schema.</summary>
    public string Source { get; } = source;

    // Most schema patterns are a plain sequence (^\+?[0-9]{6,15}$), matched in one pass without the regex engine.
    private readonly SequencePattern? _sequence = SequencePattern.TryCreate(source);

    /// <summary>The .NET expression that matches what <see cref="Source"/> matches in ECMA-262.</summary>
    public Regex Regex { get; } = regex;

    /// <summary>Whether <paramref name="value"/> matches; a match that runs past the regex's time-out counts as none.</summary>
    public bool IsMatch(string value)
    {
        if (_sequence is not null)
        {
            return _sequence.IsMatch(value);
        }

        try
        {
            return Regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
