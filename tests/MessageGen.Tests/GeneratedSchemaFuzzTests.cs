using System.Text;
using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>
/// Schemas built at random from the keywords MessageGen supports (nested objects, arrays of typed and of any items, maps,
/// objects with an additionalProperties schema, unions, allOf, refs, dependent schemas, every string, number and boolean
/// keyword, awkward member names): each must give clear diagnostics or code that compiles.
/// Where mutating a real schema mostly finds broken JSON, these reach the emitter with combinations no hand-written
/// test thought of.
/// </summary>
public class GeneratedSchemaFuzzTests
{
    private static readonly string[] Names =
        ["id", "type", "value", "items", "Value", "to", "2fa", "a-b", "a_b", "class", "event", "path", "errors", "reader", "writer", "ünï", "x y", "Type", "kind", "additional properties", "mood\ud83d\ude00", "lone\ud800",
        // Array members get Add{Singular} methods, union members With{Alternative}: names whose methods would clash.
        "s", "ss", "item", "boxes", "boxs", "entries", "t1", "t2s"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_schemas_of_supported_keywords_give_diagnostics_or_code_that_compiles(int seed)
    {
        var random = new Random(seed);
        var generated = 0;
        for (var round = 0; round < 15; round++)
        {
            var schema = new SchemaBuilder(random).Root();
            if (GeneratorHarness.AssertClearDiagnosticsOrCompilingCode($"/fuzz/generated-{seed}-{round}.schema.json", schema, $"schema {seed}-{round}"))
            {
                generated++;
            }
        }

        // About half of the schemas get code; the rest are rejected with diagnostics (name clashes, closed allOf branches).
        Assert.True(generated > 0, "No random schema got code, so nothing above checked the emitter.");
    }

    private sealed class SchemaBuilder(Random random)
    {
        private readonly List<string> _definitions = [];
        private int _titles;

        public string Root()
        {
            var root = Object(depth: 0, title: "Root");
            var defs = _definitions.Count == 0 ? string.Empty : ",\"$defs\":{" + string.Join(",", _definitions) + "}";
            return root[..^1] + defs + "}";
        }

        private string Object(int depth, string? title = null, string? discriminator = null, string? constant = null)
        {
            var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
            if (discriminator is not null)
            {
                schemas[discriminator] = $"{{\"type\":\"string\",\"const\":{Quote(constant!)}}}";
            }

            for (var count = random.Next(1, 5); count > 0; count--)
            {
                var name = Names[random.Next(Names.Length)];
                if (!schemas.ContainsKey(name))
                {
                    schemas[name] = Value(depth + 1);
                }
            }

            var names = schemas.Keys.ToList();
            var members = names.Select(name => $"{Quote(name)}:{schemas[name]}");

            var required = names.Where(_ => random.Next(3) == 0).Concat(discriminator is null ? [] : [discriminator]).Distinct().Select(Quote);
            var text = new StringBuilder("{");
            text.Append($"\"title\":{Quote(title ?? "T" + _titles++)},\"type\":\"object\",\"properties\":{{{string.Join(",", members)}}}");
            text.Append($",\"required\":[{string.Join(",", required)}]");
            text.Append(random.Next(6) switch
            {
                0 or 1 => ",\"additionalProperties\":false",
                2 => $",\"additionalProperties\":{Value(depth + 1)}",
                3 => ",\"additionalProperties\":{}",
                _ => string.Empty,
            });

            if (random.Next(5) == 0 && names.Count >= 2)
            {
                var pair = names.Take(2).Select(Quote).ToList();
                text.Append($",\"dependentRequired\":{{{pair[0]}:[{pair[1]}]}}");
            }

            if (random.Next(3) == 0)
            {
                text.Append($",\"dependentSchemas\":{{{Quote(names[random.Next(names.Count)])}:{DependentSchema(schemas, depth: 0)}}}");
            }

            return text.Append('}').ToString();
        }

        /// <summary>A subschema for dependentSchemas over the object's members, with constraints that fit each member's type.</summary>
        private string DependentSchema(Dictionary<string, string> members, int depth)
        {
            var names = members.Keys.ToList();
            string Name() => Quote(names[random.Next(names.Count)]);
            string Branches() => $"[{DependentSchema(members, depth + 1)},{DependentSchema(members, depth + 1)}]";
            return random.Next(depth > 1 ? 5 : 10) switch
            {
                0 => $"{{\"required\":[{Name()}]}}",
                1 => $"{{\"properties\":{{{Constraint(members)}}}}}",
                2 => $"{{\"dependentRequired\":{{{Name()}:[{Name()}]}}}}",
                3 => random.Next(2) == 0 ? "true" : "false",
                4 => $"{{\"required\":[{Name()}],\"properties\":{{{Constraint(members)}}}}}",
                5 => $"{{\"not\":{DependentSchema(members, depth + 1)}}}",
                6 => $"{{\"anyOf\":{Branches()}}}",
                7 => $"{{\"oneOf\":{Branches()}}}",
                8 => $"{{\"allOf\":{Branches()}}}",
                _ => $"{{\"dependentSchemas\":{{{Name()}:{DependentSchema(members, depth + 1)}}}}}",
            };
        }

        private string Constraint(Dictionary<string, string> members)
        {
            var (name, schema) = members.ElementAt(random.Next(members.Count));
            const string TypePrefix = "{\"type\":\"";
            var type = schema.StartsWith(TypePrefix, StringComparison.Ordinal) ? schema[TypePrefix.Length..schema.IndexOf('"', TypePrefix.Length)] : null;
            var constraint = type switch
            {
                "string" => random.Next(2) == 0 ? "{\"maxLength\":3,\"pattern\":\"^a\"}" : "{\"const\":\"a\"}",
                "integer" => "{\"minimum\":1,\"enum\":[2,4,\"x\"]}",
                "number" => "{\"type\":\"number\",\"exclusiveMaximum\":10}",
                "boolean" => "{\"const\":false}",
                _ => random.Next(2) == 0 ? "true" : "false",
            };
            return $"{Quote(name)}:{constraint}";
        }

        private string Value(int depth)
        {
            var choice = depth > 3 ? random.Next(4) : random.Next(11);
            return choice switch
            {
                0 => String(),
                1 => Number(random.Next(2) == 0 ? "integer" : "number"),
                2 => Boolean(),
                3 => $"{{\"type\":\"array\",\"items\":{String()},\"minItems\":{random.Next(2)},\"uniqueItems\":{(random.Next(2) == 0 ? "true" : "false")}}}",
                4 => Object(depth),
                5 => $"{{\"type\":\"array\",\"items\":{Value(depth + 1)},\"maxItems\":{random.Next(1, 9)}}}",
                6 => $"{{\"type\":\"object\",\"additionalProperties\":{Value(depth + 1)}}}",
                7 => Reference(depth),
                8 => Union(depth, random.Next(2) == 0 ? "oneOf" : "anyOf"),
                9 => AnyItems(),
                _ => $"{{\"title\":\"M{_titles++}\",\"type\":\"object\",\"allOf\":[{Object(depth)},{{\"properties\":{{\"extra\":{String()}}}}}]}}",
            };
        }

        private string String()
        {
            var keywords = new List<string> { "\"type\":\"string\"" };
            if (random.Next(3) == 0)
            {
                keywords.Add($"\"maxLength\":{random.Next(1, 50)}");
            }

            if (random.Next(4) == 0)
            {
                keywords.Add(random.Next(2) == 0 ? "\"pattern\":\"^[a-z]+\\\\s?$\"" : "\"pattern\":\"^[a\\\\S]*$\"");
            }

            if (random.Next(5) == 0)
            {
                keywords.Add("\"format\":\"uri\"");
            }

            if (random.Next(6) == 0)
            {
                keywords.Add("\"enum\":[\"a\",\"b\\\"c\",\"\\u00e9\"]");
            }

            return "{" + string.Join(",", keywords) + "}";
        }

        private string AnyItems() => random.Next(3) switch
        {
            0 => "{\"type\":\"array\"}",
            1 => "{\"type\":\"array\",\"items\":true,\"uniqueItems\":true}",
            _ => $"{{\"type\":\"array\",\"items\":{{\"description\":\"anything\"}},\"minItems\":{random.Next(3)}}}",
        };

        private string Boolean() => random.Next(4) switch
        {
            0 => "{\"type\":\"boolean\",\"const\":true}",
            1 => "{\"type\":\"boolean\",\"enum\":[false,\"false\",0]}",
            2 => "{\"type\":\"boolean\",\"enum\":[true,false]}",
            _ => "{\"type\":\"boolean\"}",
        };

        private string Number(string type)
            => $"{{\"type\":\"{type}\",\"minimum\":-{random.Next(100)}.5,\"exclusiveMaximum\":1e3,\"multipleOf\":{(type == "integer" ? "2" : "0.25")}}}";

        private string Reference(int depth)
        {
            var name = "d" + _definitions.Count;
            _definitions.Add($"{Quote(name)}:{Value(depth + 1)}");
            return $"{{\"$ref\":\"#/$defs/{name}\"}}";
        }

        private string Union(int depth, string keyword)
        {
            var alternatives = Enumerable.Range(0, random.Next(1, 4)).Select(i => Object(depth, discriminator: "kind", constant: "k" + i)).ToList();
            if (keyword == "anyOf" && random.Next(2) == 0)
            {
                alternatives.Add("{\"type\":\"object\"}");
            }

            return $"{{\"title\":\"U{_titles++}\",\"{keyword}\":[{string.Join(",", alternatives)}]}}";
        }

        private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
