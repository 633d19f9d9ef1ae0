using System;
using System.Collections.Generic;
using System.Linq;
using MessageGen.Diagnostics;
using MessageGen.Json;
using MessageGen.Model;

namespace MessageGen.Generator;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> of object schemas told apart by a required <c>const</c> member. Dispatching on that member is
/// exact: an instance can be valid only against the alternative whose constant it carries. An <c>anyOf</c> may add one
/// branch that accepts any object (<c>{"type": "object"}</c>): then an unknown constant, or a known one whose alternative
/// is broken, is still valid and is kept as raw JSON, which is how a new API message type stays readable.
/// </summary>
internal sealed partial class SchemaParser
{
    private readonly List<UnionSpec> _unions = new();
    private readonly Dictionary<JsonObject, string> _unionNames = new();
    /// <summary>Each alternative's union: its base type and discriminator.</summary>
    private readonly Dictionary<string, (string TypeName, string DiscriminatorJsonName)> _baseTypes = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="schema"/> is alternatives of whole objects, rather than <c>oneOf</c> of <c>required</c> inside one.</summary>
    private static bool IsUnion(JsonObject schema)
        => schema.Find("properties") is null
            && (schema.Get("oneOf") ?? schema.Get("anyOf")) is JsonArray { Items.Count: > 0 } alternatives
            && alternatives.Items.All(a => a is JsonObject o && (o.Find("properties") is not null || o.Find("$ref") is not null || o.Find("type") is not null));

    private TypeSpec? ParseUnion(JsonObject schema, string nameHint)
    {
        if (_unionNames.TryGetValue(schema, out var known))
        {
            return TypeSpec.Simple(ValueKind.Object) with { ObjectTypeName = known, IsUnion = true };
        }

        var keyword = schema.Find("oneOf") ?? schema.Find("anyOf")!;
        if (schema.Find("oneOf") is not null && schema.Find("anyOf") is not null)
        {
            ReportUnsupported(schema.Find("anyOf")!, "beside oneOf it is not supported");
            return null;
        }

        foreach (var member in schema.Members)
        {
            if (member == keyword || s_annotationKeywords.Contains(member.Name) || (member.Name == "type" && member.Value is JsonString { Value: "object" }))
            {
                continue;
            }

            // An unknown keyword (OpenAPI's "discriminator", say) is only a warning; one that validates stops generation.
            ReportUnsupported(member, $"beside a {keyword.Name} of alternatives it is not supported; move it into each alternative");
            if (s_assertionKeywords.Contains(member.Name))
            {
                return null;
            }
        }

        var described = new List<(JsonObject Original, JsonObject Merged)>();
        JsonObject? catchAll = null;
        foreach (var item in ((JsonArray)keyword.Value).Items.Cast<JsonObject>())
        {
            var original = item.Find("$ref") is { } reference && item.Members.All(m => m == reference || s_annotationKeywords.Contains(m.Name))
                ? BranchTarget(reference.Value, "$ref")
                : item;
            if (original is null)
            {
                return null;
            }

            var merged = MergeBranches(original);
            if (merged.Find("properties") is null && IsAnyObject(merged))
            {
                if (keyword.Name != "anyOf" || catchAll is not null)
                {
                    ReportUnsupported(keyword, "a branch that accepts any object is supported once, in anyOf (in oneOf it would match every object a second time)");
                    return null;
                }

                catchAll = original;
            }
            else
            {
                described.Add((original, merged));
            }
        }

        var discriminator = FindDiscriminator(described.Select(d => d.Merged).ToList());
        if (discriminator is null)
        {
            ReportUnsupported(keyword, "alternatives are supported when each is an object schema with a required member of the same name whose 'const' string tells them apart (such as \"type\": {\"const\": \"button\"})");
            return null;
        }

        var typeName = TypeNameFor(schema, nameHint);
        var discriminatorName = Naming.ToPascalCase(discriminator);
        if (discriminatorName is "RawJson" || discriminatorName == typeName)
        {
            Report(SchemaDiagnostics.NameConflict, schema.Find("title")?.NameSpan ?? keyword.NameSpan, $"The discriminator '{discriminator}' would generate the property '{discriminatorName}', which clashes with the type '{typeName}' or its members. Give the alternatives' schema a different 'title'.");
            return null;
        }

        _unionNames[schema] = typeName;
        _typeOrder.Add(typeName);
        var cases = new List<UnionCase>();
        foreach (var (original, merged) in described)
        {
            var value = ConstOf(merged, discriminator)!;
            var caseName = ParseObject(original, Naming.ToPascalCase(value) + typeName, isRoot: false);
            if (_baseTypes.TryGetValue(caseName, out var other) && other.TypeName != typeName)
            {
                ReportUnsupported(keyword, $"'{caseName}' is an alternative of '{other.TypeName}' too, and a generated type has one base type");
                return null;
            }

            _baseTypes[caseName] = (typeName, discriminator);
            cases.Add(new UnionCase(value, caseName));
        }

        string? unknownName = null;
        if (catchAll is not null)
        {
            unknownName = TypeNameFor(catchAll, "Unknown" + typeName);
        }

        _unions.Add(new UnionSpec(
            typeName,
            (schema.Get("title") as JsonString)?.Value ?? typeName,
            (schema.Get("description") as JsonString)?.Value,
            discriminator,
            discriminatorName,
            cases.ToEquatableArray(),
            unknownName));
        return TypeSpec.Simple(ValueKind.Object) with { ObjectTypeName = typeName, IsUnion = true };
    }

    /// <summary>A branch that accepts every object: <c>{"type": "object"}</c> with annotations at most.</summary>
    private static bool IsAnyObject(JsonObject schema)
        => schema.Members.All(m => s_annotationKeywords.Contains(m.Name)
            || (m.Name == "type" && m.Value is JsonString { Value: "object" })
            || (m.Name == "additionalProperties" && AllowsEveryValue(m.Value)));

    /// <summary>The member that every alternative requires with a distinct <c>const</c> string; null when there is none.</summary>
    private static string? FindDiscriminator(List<JsonObject> alternatives)
    {
        if (alternatives.Count == 0 || alternatives[0].Get("properties") is not JsonObject first)
        {
            return null;
        }

        foreach (var candidate in first.Members.Select(m => m.Name))
        {
            var values = alternatives.Select(a => IsRequired(a, candidate) ? ConstOf(a, candidate) : null).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsRequired(JsonObject schema, string member)
        => schema.Get("required") is JsonArray names && names.Items.Any(n => n is JsonString { Value: var name } && name == member);

    private static string? ConstOf(JsonObject schema, string member)
        => (schema.Get("properties") as JsonObject)?.Get(member) is JsonObject property && property.Get("const") is JsonString { Value: var value }
            ? value
            : null;
}
