using System;
using System.Collections.Generic;
using System.Linq;
using MessageGen.Model;

namespace MessageGen.Generator;

/// <summary>
/// The builder methods beyond a member's <c>With</c> methods: <c>Add{Singular}</c> for each array, and
/// <c>With{Alternative}</c> for each alternative of a union member. They are named after other names (a member's
/// singular, an alternative's type), so two of them, or one and a method the builder has anyway, may share a name;
/// such a name is given to none of them, so that a call never sets another member than its name says.
/// </summary>
internal sealed partial class SchemaParser
{
    /// <summary>The methods every builder has, whatever its members, besides its <c>With</c> methods.</summary>
    private static readonly string[] s_builderMethodNames =
    {
        "Build", "BuildUnchecked", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Decides the extra builder methods of <paramref name="obj"/>; needs every union of the file, so it runs last.</summary>
    private ObjectSpec WithBuilderMethods(ObjectSpec obj)
    {
        // A method cannot have its type's name either (CS0542).
        var taken = new HashSet<string>(s_builderMethodNames, StringComparer.Ordinal) { obj.BuilderTypeName };
        taken.UnionWith(obj.SettableProperties.Select(p => "With" + p.ClrName));

        var candidates = new List<(string Member, string Method, string? Alternative)>();
        foreach (var property in obj.Properties.Where(p => !p.Type.IsConstant))
        {
            if (property.Type.Kind == ValueKind.Array && Naming.Singular(property.ClrName) is { } singular)
            {
                candidates.Add((property.JsonName, "Add" + singular, null));
            }
            else if (property.Type.IsUnion && _unions.FirstOrDefault(u => u.TypeName == property.Type.ObjectTypeName) is { } union)
            {
                candidates.AddRange(union.Cases.Select(c => (property.JsonName, "With" + c.TypeName, (string?)c.TypeName)));
            }
        }

        if (candidates.Count == 0)
        {
            return obj;
        }

        var kept = candidates
            .Where(c => !taken.Contains(c.Method) && candidates.Count(other => other.Method == c.Method) == 1)
            .ToList();
        var properties = obj.Properties
            .Select(p => p with
            {
                AddMethodName = kept.FirstOrDefault(c => c.Member == p.JsonName && c.Alternative is null).Method,
                AlternativeSetters = kept
                    .Where(c => c.Member == p.JsonName && c.Alternative is not null)
                    .Select(c => new AlternativeSetterSpec(c.Method, c.Alternative!))
                    .ToEquatableArray(),
            })
            .ToEquatableArray();
        return obj with { Properties = properties };
    }
}
