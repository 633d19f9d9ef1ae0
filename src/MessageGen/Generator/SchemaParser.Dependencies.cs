using System;
using System.Collections.Generic;
using System.Linq;
using MessageGen.Diagnostics;
using MessageGen.Json;
using MessageGen.Model;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// <c>dependentRequired</c> and <c>dependentSchemas</c>: when a member is set, other members must be, or the whole object
/// must meet a subschema. A subschema becomes a <see cref="ConditionSpec"/> where that is exact: <c>required</c>,
/// <c>dependentRequired</c>, <c>dependentSchemas</c>, <c>properties</c> that constrain members the object declares as
/// strings, numbers or booleans, and <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> of such subschemas. Any other
/// keyword that validates is MG1009 where it stands.
/// </summary>
internal sealed partial class SchemaParser
{
    private void ParseDependentRequired(JsonMember member, ConditionScope scope, List<DependencySpec> dependencies)
    {
        if (ExpectObject(member) is not { } rules)
        {
            return;
        }

        foreach (var rule in rules.Members)
        {
            scope.Names.Add((rule.Name, rule.NameSpan));

            // An empty list, or one of members that are always set, requires nothing.
            if (Required(ExpectStringArray(rule), scope) is RequiredCondition required)
            {
                dependencies.Add(new DependencySpec(rule.Name, RequiresAll: true, required.Members));
            }
        }
    }

    /// <summary>
    /// Each rule of <c>dependentSchemas</c>: one of <c>required</c> members, or <c>anyOf</c> single ones, is a
    /// <see cref="DependencySpec"/> as <c>dependentRequired</c> is; anything else a <see cref="DependentSchemaSpec"/>.
    /// </summary>
    private void ParseDependentSchemas(JsonMember member, ConditionScope scope, List<DependencySpec> dependencies, List<DependentSchemaSpec> dependentSchemas)
    {
        if (ExpectObject(member) is not { } rules)
        {
            return;
        }

        foreach (var rule in rules.Members)
        {
            scope.Names.Add((rule.Name, rule.NameSpan));
            var condition = ParseCondition(rule.Value, scope);
            if (condition is null or ConstantCondition { Holds: true })
            {
                continue;
            }

            // A rule no object meets forbids the member.
            if (condition is ConstantCondition { Holds: false })
            {
                condition = new NotCondition(new RequiredCondition(new[] { rule.Name }.ToEquatableArray()));
            }

            if (AsDependency(rule.Name, condition) is { } dependency)
            {
                dependencies.Add(dependency);
                continue;
            }

            var parts = condition is CombinedCondition { Keyword: "allOf" } all ? all.Branches : new[] { condition }.ToEquatableArray();
            dependentSchemas.Add(new DependentSchemaSpec(rule.Name, parts, Implied(rule.Name, parts).ToEquatableArray()));
        }
    }

    /// <summary>The forms <c>dependentRequired</c> can say too, checked and told to the analyzers as it is: <c>required</c>, or <c>anyOf</c> of single <c>required</c>.</summary>
    private static DependencySpec? AsDependency(string member, ConditionSpec condition) => condition switch
    {
        RequiredCondition required => new DependencySpec(member, RequiresAll: true, required.Members),
        CombinedCondition { Keyword: "anyOf" } any when SingleMembers(any) is { } names => new DependencySpec(member, RequiresAll: false, names),
        _ => null,
    };

    /// <summary>What a rule certainly requires, for the analyzers: every member a part requires, and one of each <c>anyOf</c>/<c>oneOf</c> of single members.</summary>
    private static IEnumerable<DependencySpec> Implied(string member, EquatableArray<ConditionSpec> parts)
    {
        var required = parts.OfType<RequiredCondition>().SelectMany(r => r.Members).Distinct().ToEquatableArray();
        if (required.Count > 0)
        {
            yield return new DependencySpec(member, RequiresAll: true, required);
        }

        foreach (var choice in parts.OfType<CombinedCondition>().Where(c => c.Keyword != "allOf"))
        {
            if (SingleMembers(choice) is { } names)
            {
                yield return new DependencySpec(member, RequiresAll: false, names);
            }
        }
    }

    /// <summary>The members of branches that each require one member; null when a branch is anything else.</summary>
    private static EquatableArray<string>? SingleMembers(CombinedCondition choice)
        => choice.Branches.All(b => b is RequiredCondition { Members.Count: 1 })
            ? choice.Branches.Select(b => ((RequiredCondition)b).Members[0]).ToEquatableArray()
            : null;

    /// <summary>A subschema that applies to the whole object; null when it cannot be checked exactly (reported).</summary>
    private ConditionSpec? ParseCondition(JsonNode schema, ConditionScope scope)
    {
        if (schema is JsonBoolean boolean)
        {
            return new ConstantCondition(boolean.Value);
        }

        if (schema is not JsonObject keywords)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, "dependentSchemas", $"a subschema must be an object or a boolean, not {schema.KindName}");
            return null;
        }

        var parts = new List<ConditionSpec>();
        var exact = true;
        foreach (var member in keywords.Members)
        {
            var part = member.Name switch
            {
                "required" => Required(ExpectStringArray(member), scope),
                "dependentRequired" => ParseDependents(member, scope, rule => Required(ExpectStringArray(rule), scope)),
                "dependentSchemas" => ParseDependents(member, scope, rule => ParseCondition(rule.Value, scope)),
                "properties" => ParseMemberConditions(member, scope),
                "allOf" or "anyOf" or "oneOf" => ParseBranches(member, scope),
                "not" => ParseCondition(member.Value, scope) is { } negated ? Not(negated) : null,
                _ => ParseOtherKeyword(member),
            };
            exact &= part is not null;
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return exact ? AllOf(parts) : null;
    }

    /// <summary>A keyword of a dependent schema that constrains no member: <c>"type": "object"</c> and annotations hold always; another is MG1009 (null).</summary>
    private ConstantCondition? ParseOtherKeyword(JsonMember member)
    {
        if (member.Name == "type" && member.Value is JsonString { Value: "object" })
        {
            return new ConstantCondition(true);
        }

        if (s_annotationKeywords.Contains(member.Name))
        {
            return new ConstantCondition(true);
        }

        ReportUnsupported(member, "MessageGen does not support it in a dependent schema");
        return s_assertionKeywords.Contains(member.Name) ? null : new ConstantCondition(true);
    }

    /// <summary><c>dependentRequired</c> or <c>dependentSchemas</c> inside a dependent schema: each rule holds when its member is set.</summary>
    private ConditionSpec? ParseDependents(JsonMember member, ConditionScope scope, Func<JsonMember, ConditionSpec?> parseRule)
    {
        if (ExpectObject(member) is not { } rules)
        {
            return null;
        }

        var conditions = new List<ConditionSpec>();
        var exact = true;
        foreach (var rule in rules.Members)
        {
            scope.Names.Add((rule.Name, rule.NameSpan));
            if (parseRule(rule) is { } then)
            {
                conditions.Add(When(rule.Name, then, scope));
            }
            else
            {
                exact = false;
            }
        }

        return exact ? AllOf(conditions) : null;
    }

    private ConditionSpec? ParseBranches(JsonMember member, ConditionScope scope)
    {
        if (member.Value is not JsonArray { Items.Count: > 0 } items)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, "expected a non-empty array of schemas");
            return null;
        }

        var branches = items.Items.Select(item => ParseCondition(item, scope)).ToList();
        if (branches.Any(b => b is null))
        {
            return null;
        }

        var parsed = branches.Select(b => b!).ToList();
        return member.Name switch
        {
            "allOf" => AllOf(parsed),
            "anyOf" => AnyOf(parsed),
            _ => OneOf(parsed),
        };
    }

    /// <summary><c>properties</c> in a dependent schema: each constrains a member the object declares, when it is set.</summary>
    private ConditionSpec? ParseMemberConditions(JsonMember member, ConditionScope scope)
    {
        if (ExpectObject(member) is not { } described)
        {
            return null;
        }

        var conditions = new List<ConditionSpec>();
        var exact = true;
        foreach (var property in described.Members)
        {
            if (scope.Find(property.Name) is not { } declared)
            {
                // Reported as a member the object does not declare (MG1007).
                scope.Names.Add((property.Name, property.NameSpan));
                exact = false;
            }
            else if (ParseMemberCondition(property.Value, declared, scope) is { } condition)
            {
                conditions.Add(condition);
            }
            else
            {
                exact = false;
            }
        }

        return exact ? AllOf(conditions) : null;
    }

    /// <summary>The schema of a declared member in a dependent schema: keywords of its own type, checked when the member is set.</summary>
    private ConditionSpec? ParseMemberCondition(JsonNode schema, PropertySpec declared, ConditionScope scope)
    {
        if (ParseAnyValue(schema) is not null)
        {
            return new ConstantCondition(true);
        }

        if (schema is JsonBoolean)
        {
            // false: the member must not be set.
            return Not(Required([(declared.JsonName, schema.Span)], scope));
        }

        if (schema is not JsonObject keywords)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, declared.JsonName, $"a member's schema must be an object or a boolean, not {schema.KindName}");
            return null;
        }

        var kind = declared.Type.Kind;
        if (keywords.Find("type") is { } type && !IsTypeOf(type.Value, kind))
        {
            ReportUnsupported(type, $"in a dependent schema MessageGen supports only the type that '{declared.JsonName}' has");
            return null;
        }

        if (kind is not (ValueKind.String or ValueKind.Integer or ValueKind.Number or ValueKind.Boolean))
        {
            // A member that is an object or an array: only its own type may be repeated.
            var exact = true;
            foreach (var keyword in keywords.Members.Where(m => m.Name != "type" && !s_annotationKeywords.Contains(m.Name)))
            {
                ReportUnsupported(keyword, "in a dependent schema MessageGen supports it only for members that are strings, numbers or booleans");
                exact &= !s_assertionKeywords.Contains(keyword.Name);
            }

            return exact ? new ConstantCondition(true) : null;
        }

        var value = kind == ValueKind.String ? ParseString(keywords) : ParsePrimitive(keywords, kind);
        if (value is null)
        {
            return null;
        }

        if (value.Const is { } constant)
        {
            value = value with { Const = null, Enum = new[] { constant }.ToEquatableArray() };
        }

        return Constrains(value) ? new ValueCondition(declared.JsonName, value, scope.NextId()) : new ConstantCondition(true);
    }

    /// <summary>Whether <paramref name="typeValue"/> (the value of <c>type</c>) names the JSON type of values of <paramref name="kind"/>.</summary>
    private static bool IsTypeOf(JsonNode typeValue, ValueKind kind) => (typeValue as JsonString)?.Value switch
    {
        "string" => kind == ValueKind.String,
        "integer" => kind == ValueKind.Integer,
        "number" => kind is ValueKind.Integer or ValueKind.Number,
        "boolean" => kind == ValueKind.Boolean,
        "object" => kind is ValueKind.Object or ValueKind.Map,
        "array" => kind == ValueKind.Array,
        _ => false,
    };

    /// <summary>Whether a string, number or boolean schema allows fewer values than its type has.</summary>
    private static bool Constrains(TypeSpec value) => value.Kind switch
    {
        ValueKind.String => value.Enum.Count > 0 || value.Pattern is not null || value.MinLength is not null || value.MaxLength is not null || value.IsUri,
        ValueKind.Boolean => value.AllowedBoolean is not null,
        _ => value.Limits is not null || value.NumberEnum.Count > 0,
    };

    /// <summary><c>required</c>; members that are always set (constants, required numbers and booleans) hold already.</summary>
    private static ConditionSpec Required(List<(string Name, TextSpan Span)> names, ConditionScope scope)
    {
        scope.Names.AddRange(names);
        var unset = names.Select(n => n.Name).Distinct().Where(n => scope.Find(n)?.IsAlwaysSet != true).ToEquatableArray();
        return unset.Count == 0 ? new ConstantCondition(true) : new RequiredCondition(unset);
    }

    /// <summary>When <paramref name="member"/> is set, <paramref name="then"/> holds.</summary>
    private static ConditionSpec When(string member, ConditionSpec then, ConditionScope scope) => then switch
    {
        ConstantCondition { Holds: true } => then,
        _ when scope.Find(member)?.IsAlwaysSet == true => then,
        ConstantCondition => Not(new RequiredCondition(new[] { member }.ToEquatableArray())),
        _ => new DependentCondition(member, then),
    };

    private static ConditionSpec AllOf(List<ConditionSpec> branches)
    {
        if (branches.Any(b => b is ConstantCondition { Holds: false }))
        {
            return new ConstantCondition(false);
        }

        var kept = branches
            .SelectMany(b => b is CombinedCondition { Keyword: "allOf" } all ? all.Branches : (IEnumerable<ConditionSpec>)new[] { b })
            .Where(b => b is not ConstantCondition)
            .ToList();
        return kept.Count switch
        {
            0 => new ConstantCondition(true),
            1 => kept[0],
            _ => new CombinedCondition("allOf", kept.ToEquatableArray()),
        };
    }

    private static ConditionSpec AnyOf(List<ConditionSpec> branches)
    {
        if (branches.Any(b => b is ConstantCondition { Holds: true }))
        {
            return new ConstantCondition(true);
        }

        var kept = branches.Where(b => b is not ConstantCondition).ToList();
        return kept.Count switch
        {
            0 => new ConstantCondition(false),
            1 => kept[0],
            _ => new CombinedCondition("anyOf", kept.ToEquatableArray()),
        };
    }

    private static ConditionSpec OneOf(List<ConditionSpec> branches)
    {
        var holding = branches.Count(b => b is ConstantCondition { Holds: true });
        var kept = branches.Where(b => b is not ConstantCondition).ToList();
        return holding switch
        {
            > 1 => new ConstantCondition(false),

            // One branch always holds, so none of the others may.
            1 => Not(AnyOf(kept)),
            _ => kept.Count switch
            {
                0 => new ConstantCondition(false),
                1 => kept[0],
                _ => new CombinedCondition("oneOf", kept.ToEquatableArray()),
            },
        };
    }

    private static ConditionSpec Not(ConditionSpec condition) => condition switch
    {
        ConstantCondition constant => new ConstantCondition(!constant.Holds),
        NotCondition not => not.Negated,
        _ => new NotCondition(condition),
    };

    /// <summary>The object's members, for the rules of its dependent schemas, and the names those rules give, for MG1007.</summary>
    private sealed class ConditionScope(EquatableArray<PropertySpec> properties, List<(string Name, TextSpan Span)> names)
    {
        private int _nextId;

        public List<(string Name, TextSpan Span)> Names { get; } = names;

        public PropertySpec? Find(string jsonName) => properties.FirstOrDefault(p => p.JsonName == jsonName);

        /// <summary>A number for the next value condition, unique in the object.</summary>
        public int NextId() => _nextId++;
    }
}
