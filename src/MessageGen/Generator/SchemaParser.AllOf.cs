using System;
using System.Collections.Generic;
using System.Linq;
using MessageGen.Diagnostics;
using MessageGen.Json;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// <c>allOf</c> and <c>$ref</c> beside other keywords: an instance must be valid against every branch, which for object
/// schemas is one object schema with all their members. Merged where that is exact; where it is not (a member described
/// twice, a branch whose <c>additionalProperties: false</c> forbids another branch's member) the schema gets MG1009
/// rather than code that validates something else.
/// </summary>
internal sealed partial class SchemaParser
{
    /// <summary>Keywords whose values are combined across branches; any other keyword may come from one branch only.</summary>
    private static readonly HashSet<string> s_mergedKeywords = new(StringComparer.Ordinal)
    {
        "properties", "required", "additionalProperties", "dependentRequired", "dependentSchemas", "type",
        "title", "description", "$defs", "definitions", "$comment", "$schema", "$id", "examples",
    };

    private readonly HashSet<JsonObject> _merging = new();
    private readonly Dictionary<JsonObject, JsonObject> _merged = new();

    /// <summary>Whether <paramref name="schema"/> combines branches: <c>allOf</c>, or <c>$ref</c> beside keywords that validate.</summary>
    private static bool CombinesBranches(JsonObject schema)
        => schema.Find("allOf") is not null
            || (schema.Find("$ref") is not null && schema.Members.Any(m => m.Name != "$ref" && s_assertionKeywords.Contains(m.Name)));

    /// <summary>
    /// The object schema <paramref name="schema"/> with its <c>allOf</c> branches and <c>$ref</c> target merged in; the
    /// schema itself when it has neither. Nodes keep their places in the file, so diagnostics point at the branches.
    /// </summary>
    private JsonObject MergeBranches(JsonObject schema)
    {
        if (schema.Find("allOf") is null && schema.Find("$ref") is null)
        {
            return schema;
        }

        // Merged once, however often it is met (a base that many schemas extend), so each problem is reported once.
        if (_merged.TryGetValue(schema, out var done))
        {
            return done;
        }

        if (!_merging.Add(schema))
        {
            Report(SchemaDiagnostics.UnresolvedReference, schema.Span, "allOf", "the branches refer back to this schema, so it has no finite shape");
            return new JsonObject(schema.Span, Array.Empty<JsonMember>());
        }

        try
        {
            var own = new JsonObject(schema.Span, schema.Members.Where(m => m.Name is not ("allOf" or "$ref")).ToList());
            var branches = new List<JsonObject> { own };
            JsonObject? referenced = null;
            if (schema.Find("$ref") is { } reference && BranchTarget(reference.Value, "$ref") is { } target)
            {
                referenced = MergeBranches(target);
                branches.Add(referenced);
            }

            if (schema.Find("allOf") is { } allOf)
            {
                if (allOf.Value is not JsonArray { Items.Count: > 0 } items)
                {
                    Report(SchemaDiagnostics.InvalidKeywordValue, allOf.Value.Span, "allOf", "expected a non-empty array of schemas");
                }
                else
                {
                    foreach (var item in items.Items)
                    {
                        if (item is JsonObject branch)
                        {
                            branches.Add(MergeBranches(branch));
                        }
                        else
                        {
                            Report(SchemaDiagnostics.UnsupportedAssertion, item.Span, "allOf", "only object schemas are merged, not " + item.KindName);
                        }
                    }
                }
            }

            // A wrapper such as {"$ref": "#/$defs/VideoMessage"} takes the name and description of what it wraps.
            var wrapped = own.Find("properties") is null && schema.Find("allOf") is null ? referenced : null;
            return _merged[schema] = Combine(schema.Span, branches, own, wrapped);
        }
        finally
        {
            _merging.Remove(schema);
        }
    }

    private JsonObject? BranchTarget(JsonNode pointerNode, string keyword)
    {
        if (pointerNode is not JsonString pointer)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, pointerNode.Span, keyword, "expected a string such as \"#/$defs/Name\"");
            return null;
        }

        var target = ResolvePointer(pointer.Value, out var problem);
        if (target is null)
        {
            Report(SchemaDiagnostics.UnresolvedReference, pointer.Span, pointer.Value, problem!);
            return null;
        }

        if (target is not JsonObject targetObject)
        {
            Report(SchemaDiagnostics.UnsupportedAssertion, pointer.Span, keyword, "beside other keywords it is supported for object schemas only, and this target is " + target.KindName);
            return null;
        }

        return targetObject;
    }

    /// <summary>
    /// Of two branches' <c>additionalProperties</c>, the one the merged object must keep: <c>false</c> over a schema, a
    /// schema over one that allows everything. Two different schemas would both apply to each other member: not merged.
    /// </summary>
    private JsonMember Stricter(JsonMember? kept, JsonMember next)
    {
        if (kept is null || kept.Value is JsonBoolean { Value: false } || AllowsEveryValue(next.Value))
        {
            return kept ?? next;
        }

        if (next.Value is JsonBoolean { Value: false } || AllowsEveryValue(kept.Value))
        {
            return next;
        }

        if (!ReferenceEquals(kept.Value, next.Value))
        {
            Report(SchemaDiagnostics.UnsupportedAssertion, next.NameSpan, "additionalProperties", "two branches of allOf/$ref give it a schema, and MessageGen does not merge two schemas for the same members");
        }

        return kept;
    }

    private JsonObject Combine(TextSpan span, List<JsonObject> branches, JsonObject own, JsonObject? wrapped)
    {
        var isObject = false;
        var members = new List<JsonMember>();
        var properties = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        var propertyOrder = new List<JsonMember>();
        var required = new List<JsonNode>();
        var dependents = new Dictionary<string, List<JsonMember>>(StringComparer.Ordinal);
        var restrictingBranches = new List<(JsonMember Keyword, HashSet<string> Described)>();
        JsonMember? additional = null;
        JsonMember? propertiesKeyword = null;
        JsonMember? requiredKeyword = null;
        var seen = new Dictionary<string, JsonMember>(StringComparer.Ordinal);

        foreach (var branch in branches)
        {
            foreach (var member in branch.Members)
            {
                switch (member.Name)
                {
                    case "type":
                        isObject = true;
                        if (member.Value is not JsonString { Value: "object" })
                        {
                            Report(SchemaDiagnostics.UnsupportedAssertion, member.NameSpan, "allOf", "its branches are merged only when each describes an object");
                        }

                        break;
                    case "properties" when member.Value is JsonObject described:
                        propertiesKeyword ??= member;
                        foreach (var property in described.Members)
                        {
                            if (!properties.TryGetValue(property.Name, out var first))
                            {
                                properties[property.Name] = property;
                                propertyOrder.Add(property);
                            }
                            else if (!ReferenceEquals(first.Value, property.Value))
                            {
                                Report(SchemaDiagnostics.UnsupportedAssertion, property.NameSpan, "allOf", $"the member '{property.Name}' is described by two branches, and MessageGen merges a member's schema only when one branch describes it");
                            }
                        }

                        break;
                    case "required" when member.Value is JsonArray names:
                        requiredKeyword ??= member;
                        required.AddRange(names.Items);
                        break;
                    case "additionalProperties":
                        if (!AllowsEveryValue(member.Value))
                        {
                            // It applies to every member this branch's "properties" does not name, other branches' too.
                            var described = new HashSet<string>(
                                (branch.Get("properties") as JsonObject)?.Members.Select(p => p.Name) ?? Enumerable.Empty<string>(),
                                StringComparer.Ordinal);
                            restrictingBranches.Add((member, described));
                        }

                        additional = Stricter(additional, member);
                        break;
                    case "dependentRequired" or "dependentSchemas" when member.Value is JsonObject rules:
                        if (!dependents.TryGetValue(member.Name, out var list))
                        {
                            dependents[member.Name] = list = new List<JsonMember>();
                        }

                        foreach (var rule in rules.Members)
                        {
                            if (list.Any(r => r.Name == rule.Name))
                            {
                                Report(SchemaDiagnostics.UnsupportedAssertion, rule.NameSpan, member.Name, $"two branches set a rule for '{rule.Name}'; write it once");
                            }
                            else
                            {
                                list.Add(rule);
                            }
                        }

                        break;
                    default:
                        if (seen.ContainsKey(member.Name))
                        {
                            if (s_assertionKeywords.Contains(member.Name) && !s_mergedKeywords.Contains(member.Name))
                            {
                                Report(SchemaDiagnostics.UnsupportedAssertion, member.NameSpan, member.Name, "it appears in more than one branch of allOf/$ref, which MessageGen does not merge");
                            }
                        }
                        else if (!(member.Name is "title" or "description") || branch == own || branch == wrapped)
                        {
                            seen[member.Name] = member;
                            members.Add(member);
                        }

                        break;
                }
            }
        }

        foreach (var (keyword, described) in restrictingBranches)
        {
            foreach (var property in propertyOrder.Where(p => !described.Contains(p.Name)))
            {
                Report(
                    SchemaDiagnostics.UnsupportedAssertion,
                    keyword.NameSpan,
                    "additionalProperties",
                    keyword.Value is JsonBoolean
                        ? $"this branch forbids '{property.Name}', which another branch of allOf/$ref describes, so no object could have it"
                        : $"this branch's schema applies to '{property.Name}', which another branch of allOf/$ref describes, and MessageGen merges a member's schema only when one branch describes it");
            }
        }

        if (isObject)
        {
            // Without it, values that are not objects would be valid; ParseObject reports that.
            members.Insert(0, new JsonMember("type", span, new JsonString(span, "object")));
        }

        if (propertiesKeyword is not null)
        {
            members.Add(new JsonMember("properties", propertiesKeyword.NameSpan, new JsonObject(propertiesKeyword.Value.Span, propertyOrder)));
        }

        if (requiredKeyword is not null)
        {
            members.Add(new JsonMember("required", requiredKeyword.NameSpan, new JsonArray(requiredKeyword.Value.Span, required)));
        }

        if (additional is not null)
        {
            members.Add(additional);
        }

        foreach (var pair in dependents)
        {
            var firstRule = pair.Value.FirstOrDefault();
            var at = firstRule?.NameSpan ?? span;
            members.Add(new JsonMember(pair.Key, at, new JsonObject(at, pair.Value)));
        }

        return new JsonObject(span, members);
    }
}
