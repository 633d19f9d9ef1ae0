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

    /// <summary>The .NET expression that matches what <see cref="Source"/> matches in ECMA-262.</summary>
    public Regex Regex { get; } = regex;

    /// <inheritdoc />
    public override string ToString() => Source;
}
