using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MessageGen.Model;

/// <summary>
/// A <c>dependentSchemas</c> rule that is more than <c>required</c>: when <see cref="Member"/> is set, each of
/// <see cref="Parts"/> must hold, and each that does not is its own violation. <see cref="Implied"/> are the members
/// the rule certainly requires, which <c>[DependentMembers]</c> tells the analyzers (MG0002).
/// </summary>
internal sealed record DependentSchemaSpec(string Member, EquatableArray<ConditionSpec> Parts, EquatableArray<DependencySpec> Implied)
{
    /// <summary>The value conditions of every part, for the static data (patterns, allowed values) they need.</summary>
    public IEnumerable<ValueCondition> ValueConditions => Parts.SelectMany(p => p.ValueConditions);
}

/// <summary>
/// What a subschema of a dependent schema requires of the object's members, as plain values. Generated validation
/// checks it as one boolean expression; <see cref="Requirement"/> says it in words. The parser folds constants, so a
/// <see cref="ConstantCondition"/> is never left inside another condition.
/// </summary>
internal abstract record ConditionSpec
{
    /// <summary>What the condition requires, in words that follow "so" in a violation's message.</summary>
    public abstract string Requirement { get; }

    /// <summary>The conditions on member values inside this one.</summary>
    public virtual IEnumerable<ValueCondition> ValueConditions => Enumerable.Empty<ValueCondition>();

    protected static string Quote(string member) => "'" + member + "'";

    protected static string Join(IEnumerable<string> parts, string last)
    {
        var list = parts.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " " + last + " " + list[list.Count - 1];
    }
}

/// <summary>The schema <c>true</c> (always holds) or <c>false</c> (never holds).</summary>
internal sealed record ConstantCondition(bool Holds) : ConditionSpec
{
    public override string Requirement => Holds ? "nothing more is required" : "no object is valid";
}

/// <summary><c>required</c>: every one of <see cref="Members"/> is set.</summary>
internal sealed record RequiredCondition(EquatableArray<string> Members) : ConditionSpec
{
    public override string Requirement => Join(Members.Select(Quote), "and") + " must be set";
}

/// <summary><c>properties</c>: when <see cref="Member"/> is set, its value meets <see cref="Value"/>. <see cref="Id"/>, unique in the object, names the static data of the check.</summary>
internal sealed record ValueCondition(string Member, TypeSpec Value, int Id) : ConditionSpec
{
    public override string Requirement => $"{Quote(Member)}, if set, must be {Join(Constraints, "and")}";

    public override IEnumerable<ValueCondition> ValueConditions => new[] { this };

    /// <summary>The static field with the compiled <c>pattern</c>; the underscore keeps it apart from every member's fields.</summary>
    public string PatternFieldName => $"s_condition_{Id.ToString(CultureInfo.InvariantCulture)}Pattern";

    /// <summary>The static field with the allowed values.</summary>
    public string EnumFieldName => $"s_condition_{Id.ToString(CultureInfo.InvariantCulture)}Values";

    private IEnumerable<string> Constraints
    {
        get
        {
            if (Value.Enum.Count > 0)
            {
                yield return AllowedValues(Value.Enum.Select(v => "\"" + v + "\""));
            }

            if (Value.NumberEnum.Count > 0)
            {
                yield return AllowedValues(Value.NumberEnum.Select(Show));
            }

            if (Value.AllowedBoolean is { } allowed)
            {
                yield return allowed ? "true" : "false";
            }

            if (Value.MinLength is { } minLength)
            {
                yield return $"at least {minLength} characters long";
            }

            if (Value.MaxLength is { } maxLength)
            {
                yield return $"at most {maxLength} characters long";
            }

            if (Value.Pattern is { } pattern)
            {
                yield return $"a match of the pattern {pattern}";
            }

            if (Value.IsUri)
            {
                yield return "an absolute URI";
            }

            if (Value.Limits is { } limits)
            {
                foreach (var (limit, words) in new[]
                {
                    (limits.Minimum, "at least"), (limits.ExclusiveMinimum, "greater than"), (limits.Maximum, "at most"),
                    (limits.ExclusiveMaximum, "less than"), (limits.MultipleOf, "a multiple of"),
                })
                {
                    if (limit is { } number)
                    {
                        yield return words + " " + Show(number);
                    }
                }
            }
        }
    }

    private static string AllowedValues(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : "one of " + string.Join(", ", list);
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary><c>dependentRequired</c> or <c>dependentSchemas</c> inside a dependent schema: when <see cref="Member"/> is set, <see cref="Then"/> holds.</summary>
internal sealed record DependentCondition(string Member, ConditionSpec Then) : ConditionSpec
{
    public override string Requirement => $"if {Quote(Member)} is set, {Then.Requirement}";

    public override IEnumerable<ValueCondition> ValueConditions => Then.ValueConditions;
}

/// <summary><c>allOf</c>, <c>anyOf</c> or <c>oneOf</c> (<see cref="Keyword"/>) of at least two conditions.</summary>
internal sealed record CombinedCondition(string Keyword, EquatableArray<ConditionSpec> Branches) : ConditionSpec
{
    public override string Requirement => Keyword switch
    {
        // Parentheses where a branch has words of its own that "and" would run into.
        "allOf" => Join(Branches.Select(b => b is CombinedCondition or DependentCondition ? "(" + b.Requirement + ")" : b.Requirement), "and"),
        "anyOf" => "at least one of " + Join(Branches.Select(b => "(" + b.Requirement + ")"), "or") + " must hold",
        _ => "exactly one of " + Join(Branches.Select(b => "(" + b.Requirement + ")"), "or") + " must hold",
    };

    public override IEnumerable<ValueCondition> ValueConditions => Branches.SelectMany(b => b.ValueConditions);
}

/// <summary><c>not</c>: <see cref="Negated"/> does not hold.</summary>
internal sealed record NotCondition(ConditionSpec Negated) : ConditionSpec
{
    public override string Requirement => Negated is RequiredCondition required
        ? Join(required.Members.Select(Quote), "and") + (required.Members.Count == 1 ? " must not be set" : " must not all be set")
        : $"({Negated.Requirement}) must not hold";

    public override IEnumerable<ValueCondition> ValueConditions => Negated.ValueConditions;
}
