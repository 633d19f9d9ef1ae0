namespace MessageGen.Schema;

/// <summary>How a dependent member's requirements combine.</summary>
public enum DependencyKind
{
    /// <summary>Every listed member must be set (<c>dependentRequired</c>, or <c>dependentSchemas</c> with <c>required</c>).</summary>
    All,

    /// <summary>At least one listed member must be set (<c>dependentSchemas</c> with <c>anyOf</c>/<c>oneOf</c> of <c>required</c>).</summary>
    Any,
}

/// <summary>
/// A schema <c>dependentRequired</c>/<c>dependentSchemas</c> rule: when <see cref="Member"/> is set, the members in
/// <see cref="Requires"/> must be set too (all of them, or any one, per <see cref="Kind"/>).
/// Placed on a generated model and on its builder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DependentMembersAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    public DependentMembersAttribute(string member, DependencyKind kind, params string[] requires)
    {
        Member = member;
        Kind = kind;
        Requires = requires;
    }

    /// <summary>The JSON name of the dependent member.</summary>
    public string Member { get; }

    /// <summary>Whether all or any of <see cref="Requires"/> must be set.</summary>
    public DependencyKind Kind { get; }

    /// <summary>The JSON names of the members it depends on.</summary>
    public IReadOnlyList<string> Requires { get; }
}
