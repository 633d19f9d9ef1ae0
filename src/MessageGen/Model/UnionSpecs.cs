namespace MessageGen.Model;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of object schemas told apart by a <c>const</c> member (the discriminator, e.g.
/// <c>"type": "button"</c> or <c>"list"</c>): an abstract base type with one sealed type per alternative, and a reader that
/// dispatches on the discriminator.
/// </summary>
/// <param name="TypeName">The abstract base type.</param>
/// <param name="Title">The schema's title, or the type name.</param>
/// <param name="Description">The schema's description, for XML docs.</param>
/// <param name="DiscriminatorJsonName">The member that tells the alternatives apart, e.g. <c>type</c>.</param>
/// <param name="DiscriminatorClrName">Its property name, e.g. <c>Type</c>.</param>
/// <param name="Cases">Each discriminator value and the alternative it selects, in schema order.</param>
/// <param name="UnknownTypeName">
/// The type that keeps an alternative the schema allows but does not describe (an <c>anyOf</c> branch that accepts any
/// object) as its raw JSON; null when an unknown discriminator is a violation.
/// </param>
internal sealed record UnionSpec(
    string TypeName,
    string Title,
    string? Description,
    string DiscriminatorJsonName,
    string DiscriminatorClrName,
    EquatableArray<UnionCase> Cases,
    string? UnknownTypeName);

/// <summary>One alternative of a <see cref="UnionSpec"/>: the discriminator <see cref="Value"/> that selects <see cref="TypeName"/>.</summary>
internal sealed record UnionCase(string Value, string TypeName);
