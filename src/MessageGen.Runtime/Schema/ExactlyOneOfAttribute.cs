namespace MessageGen.Schema;

/// <summary>
/// A schema <c>oneOf</c> of <c>required</c>: exactly one alternative must be set. Each alternative lists the JSON
/// names of its required members separated by commas, e.g. <c>[ExactlyOneOf("id", "link")]</c>.
/// Placed on a generated model and on its builder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExactlyOneOfAttribute : Attribute
{
    /// <summary>Creates the attribute with its alternatives.</summary>
    public ExactlyOneOfAttribute(params string[] alternatives) => Alternatives = alternatives;

    /// <summary>The alternatives, each a comma-separated list of JSON member names.</summary>
    public IReadOnlyList<string> Alternatives { get; }
}
