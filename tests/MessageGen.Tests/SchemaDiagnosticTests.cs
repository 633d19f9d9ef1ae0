using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MessageGen.Generator;

namespace MessageGen.Tests;

public class SchemaDiagnosticTests
{
    private const string SchemaPath = "/project/thing.schema.json";

    private static (IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<GeneratedSourceResult> Sources) Run(params (string Path, string? Text)[] schemas)
    {
        var driver = GeneratorHarness.CreateDriver(schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)));
        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();
        Assert.Empty(result.Results.Single().Exception is { } e ? new[] { e } : Array.Empty<Exception>());
        return (result.Diagnostics, result.Results.Single().GeneratedSources);
    }

    private static Diagnostic Single(string schema, string id)
    {
        var diagnostic = Assert.Single(Run((SchemaPath, schema)).Diagnostics, d => d.Id == id);
        Assert.Equal(SchemaPath, diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    /// <summary>The 1-based line and column where the diagnostic starts.</summary>
    private static (int Line, int Column) Start(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    [Fact]
    public void Invalid_json_is_an_error_at_its_line_and_column()
    {
        const string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\"\n  \"properties\": {}\n}";

        var diagnostic = Single(schema, "MG1001");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((4, 3), Start(diagnostic));
        Assert.Equal("'thing.schema.json' is not valid JSON: Expected ',' or '}' after a member", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("", "Unexpected end of file; expected a value, but the file ended")]
    [InlineData("{\"a\": tru}", "Unexpected character 't'; expected a value")]
    [InlineData("{\"a\": \"x}", "Unterminated string, but the file ended")]
    [InlineData("{\"a\": 01}", "Expected ',' or '}' after a member")]
    [InlineData("{\"a\": \"\\q\"}", "Invalid escape '\\q'")]
    [InlineData("{\"a\": 1,}", "Expected a member name in double quotes")]
    [InlineData("{} {}", "Unexpected text after the end of the JSON value")]
    public void Json_syntax_errors_say_what_is_wrong(string schema, string reason)
    {
        Assert.EndsWith(reason, Single(schema, "MG1001").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_reported_not_a_stack_overflow()
    {
        var schema = new string('[', 100_000) + new string(']', 100_000);

        Assert.Contains("Nesting deeper than 64 levels", Single(schema, "MG1001").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyword_that_changes_what_is_valid_but_is_not_supported_is_an_error_and_nothing_is_generated()
    {
        const string schema = """
            {
              "title": "Thing",
              "type": "object",
              "properties": {
                "count": { "type": "integer", "not": { "const": 3 } }
              }
            }
            """;

        var (diagnostics, sources) = Run((SchemaPath, schema));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MG1009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((5, 35), Start(diagnostic));
        Assert.StartsWith("The keyword 'not' changes which values are valid, but MessageGen does not support it for integer values.", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("anyOf", """[{"required":["a"]}]""")]
    [InlineData("patternProperties", """{"^x-":{"type":"string"}}""")]
    [InlineData("not", """{"required":["a"]}""")]
    [InlineData("if", """{"required":["a"]}""")]
    [InlineData("minProperties", "1")]
    [InlineData("unevaluatedProperties", "false")]
    public void A_root_applicator_is_never_dropped_for_an_empty_class(string keyword, string value)
    {
        var schema = $$$"""{"title":"Thing","type":"object","properties":{"a":{"type":"string"}},"$defs":{"Base":{"type":"object"}},"{{{keyword}}}":{{{value}}}}""";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("MG1009", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.StartsWith($"The keyword '{keyword}' changes which values are valid", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("""{"title":"T","type":"object","allOf":[{"properties":{"a":{"type":"string"}}},{"properties":{"a":{"type":"integer"}}}]}""", "the member 'a' is described by two branches")]
    [InlineData("""{"title":"T","type":"object","properties":{"b":{"type":"string"}},"allOf":[{"properties":{"a":{"type":"string"}},"additionalProperties":false}]}""", "this branch forbids 'b', which another branch of allOf/$ref describes")]
    [InlineData("""{"title":"T","type":"object","allOf":[{"type":"string"}]}""", "its branches are merged only when each describes an object")]
    [InlineData("""{"title":"T","type":"object","allOf":[true]}""", "only object schemas are merged, not a boolean")]
    [InlineData("""{"title":"T","type":"object","allOf":[{"minProperties":1},{"minProperties":2}]}""", "it appears in more than one branch of allOf/$ref")]
    [InlineData("""{"title":"T","type":"object","allOf":[{"additionalProperties":{"type":"string"}},{"additionalProperties":{"type":"string","maxLength":2}}]}""", "two branches of allOf/$ref give it a schema")]
    [InlineData("""{"title":"T","type":"object","properties":{"b":{"type":"integer"}},"allOf":[{"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}]}""", "this branch's schema applies to 'b', which another branch of allOf/$ref describes")]
    [InlineData("""{"title":"T","type":"object","properties":{"s":{"$ref":"#/$defs/S","minLength":2}},"$defs":{"S":{"type":"string"}}}""", "its branches are merged only when each describes an object")]
    public void Branches_that_cannot_be_merged_exactly_stop_generation(string schema, string reason)
    {
        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Contains(diagnostics, d => d.Id == "MG1009" && d.GetMessage().Contains(reason, StringComparison.Ordinal));
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("""{"oneOf":[{"title":"A","type":"object","properties":{"k":{"const":"a"}},"required":["k"]},{"type":"object"}]}""", "a branch that accepts any object is supported once, in anyOf")]
    [InlineData("""{"oneOf":[{"title":"A","type":"object","properties":{"k":{"const":"a"}}},{"title":"B","type":"object","properties":{"k":{"const":"b"}}}]}""", "with a required member of the same name whose 'const' string tells them apart")]
    [InlineData("""{"oneOf":[{"title":"A","type":"object","properties":{"k":{"const":"a"}},"required":["k"]},{"title":"B","type":"object","properties":{"k":{"const":"a"}},"required":["k"]}]}""", "with a required member of the same name whose 'const' string tells them apart")]
    [InlineData("""{"oneOf":[{"title":"A","type":"object","properties":{"k":{"const":"a"}},"required":["k"]}],"required":["k"]}""", "beside a oneOf of alternatives it is not supported")]
    public void Alternatives_that_cannot_be_told_apart_exactly_stop_generation(string union, string reason)
    {
        var schema = $$$"""{"title":"T","type":"object","properties":{"u":{{{union}}}}}""";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Contains(diagnostics, d => d.Id == "MG1009" && d.GetMessage().Contains(reason, StringComparison.Ordinal));
        Assert.Empty(sources);
    }

    [Fact]
    public void An_unknown_keyword_beside_alternatives_is_a_warning_and_the_member_is_still_generated()
    {
        const string schema = """{"title":"T","type":"object","properties":{"u":{"title":"U","discriminator":{"propertyName":"k"},"oneOf":[{"title":"A","type":"object","properties":{"k":{"type":"string","const":"a"}},"required":["k"]}]}}}""";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Equal(["MG1002"], diagnostics.Select(d => d.Id));
        Assert.Contains("U? U { get; init; }", Assert.Single(sources).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"T","type":"object","properties":{"a":{"type":"integer","enum":[1.5]}}}""", "MG1003")]
    [InlineData("""{"title":"T","type":"object","properties":{"a":{"type":"array","uniqueItems":true,"items":{"type":"object","additionalProperties":{"type":"string"}}}}}""", "MG1009")]
    [InlineData("""{"title":"T","type":"object","properties":{"u":{"title":"Kind","oneOf":[{"title":"A","type":"object","properties":{"kind":{"type":"string","const":"a"}},"required":["kind"]}]}}}""", "MG1005")]
    public void Schemas_that_generated_wrong_or_broken_code_are_reported(string schema, string id)
    {
        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Contains(diagnostics, d => d.Id == id);
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("""{"minProperties":1}""", "minProperties", "MessageGen does not support it in a dependent schema")]
    [InlineData("""{"anyOf":[{"required":["b"]},{"if":{"required":["b"]}}]}""", "if", "MessageGen does not support it in a dependent schema")]
    [InlineData("""{"not":{"$ref":"#/$defs/X"}}""", "$ref", "MessageGen does not support it in a dependent schema")]
    [InlineData("""{"type":"string"}""", "type", "MessageGen does not support it in a dependent schema")]
    [InlineData("""{"properties":{"b":{"type":"integer"}}}""", "type", "in a dependent schema MessageGen supports only the type that 'b' has")]
    [InlineData("""{"properties":{"o":{"required":["x"]}}}""", "required", "in a dependent schema MessageGen supports it only for members that are strings, numbers or booleans")]
    [InlineData("""{"properties":{"b":{"not":{"const":"x"}}}}""", "not", "MessageGen does not support it for string values")]
    public void A_dependent_schema_that_cannot_be_checked_exactly_is_MG1009_at_the_keyword(string dependent, string keyword, string reason)
    {
        var schema = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"},"o":{"type":"object"}},"dependentSchemas":{"a":"""
            + dependent + """},"$defs":{"X":{"type":"object"}}}""";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MG1009", diagnostic.Id);
        Assert.StartsWith($"The keyword '{keyword}' changes which values are valid, but {reason}.", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal($"\"{keyword}\"", schema.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("""{"properties":{"zzz":{"const":"x"}}}""")]
    [InlineData("""{"anyOf":[{"required":["b"]},{"dependentRequired":{"b":["zzz"]}}]}""")]
    public void A_dependent_schema_naming_a_member_the_object_does_not_declare_is_MG1007(string dependent)
    {
        var schema = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"dependentSchemas":{"a":""" + dependent + "}}";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Equal("'dependent' names the member 'zzz', which is not in this object's 'properties'", Assert.Single(diagnostics, d => d.Id == "MG1007").GetMessage());
        Assert.Empty(sources);
    }

    [Fact]
    public void A_base_that_many_schemas_extend_is_merged_once_so_its_problems_are_reported_once()
    {
        const string schema = """{"title":"T","type":"object","properties":{"a":{"title":"A","type":"object","allOf":[{"$ref":"#/$defs/Base"}]},"b":{"title":"B","type":"object","allOf":[{"$ref":"#/$defs/Base"}]}},"$defs":{"Base":{"type":"object","allOf":[{"$ref":"#/$defs/Missing"}]}}}""";

        var diagnostics = Run((SchemaPath, schema)).Diagnostics;

        Assert.Equal("MG1004", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Branches_that_refer_back_to_themselves_are_reported_not_followed_forever()
    {
        const string schema = """{"title":"T","type":"object","allOf":[{"$ref":"#/$defs/A"}],"$defs":{"A":{"type":"object","allOf":[{"$ref":"#/$defs/A"}]}}}""";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Contains(diagnostics, d => d.Id == "MG1004");
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData("x-order", "1", "MG1002")]
    [InlineData("maxlength", "20", "MG1002")]
    [InlineData("deprecated", "true", null)]
    [InlineData("default", "\"x\"", null)]
    [InlineData("readOnly", "true", null)]
    [InlineData("contentMediaType", "\"text/plain\"", null)]
    public void Unknown_keywords_and_annotations_are_ignored_as_the_specification_says_unknown_ones_with_a_warning(string keyword, string value, string? warning)
    {
        var schema = $$$"""{"title":"Thing","type":"object","properties":{"a":{"type":"string","{{{keyword}}}":{{{value}}}""" + "}}}";

        var (diagnostics, sources) = Run((SchemaPath, schema));

        Assert.Equal(warning is null ? [] : [(warning, DiagnosticSeverity.Warning)], diagnostics.Select(d => (d.Id, d.Severity)));
        Assert.Single(sources);
    }

    [Fact]
    public void A_referenced_schema_is_read_once_so_its_problems_are_reported_once()
    {
        const string schema = """
            {"title":"Thing","type":"object",
             "properties":{"a":{"$ref":"#/$defs/Code"},"b":{"$ref":"#/$defs/Code"},"c":{"type":"array","items":{"$ref":"#/$defs/Code"}}},
             "$defs":{"Code":{"type":"string","x-note":"shared","format":"email"}}}
            """;

        var diagnostics = Run((SchemaPath, schema)).Diagnostics;

        Assert.True(diagnostics.Count == 2, string.Join("\n", diagnostics));
        Assert.Equal(diagnostics.Count, diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition, d.GetMessage())).Distinct().Count());
    }

    [Theory]
    [InlineData("""{"title":"Thing","properties":{"a":{"type":"string"}}}""")]
    [InlineData("""{"title":"Thing","type":"object","properties":{"inner":{"properties":{"a":{"type":"string"}}}}}""")]
    public void An_object_schema_without_type_object_is_an_error_because_other_values_would_be_valid(string schema)
    {
        var diagnostic = Single(schema, "MG1003");

        Assert.Equal("The keyword 'type' has an invalid value: without \"type\": \"object\" a value that is not an object is valid too, and a generated type cannot hold one; add it", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","format":"email"}}}""", "MG1002", "The keyword 'format' is ignored: the format 'email' is not checked; only 'uri' is")]
    [InlineData("""{"type":"object","properties":{"a":{"type":["string","null"]}}}""", "MG1009", "The keyword 'type' changes which values are valid, but a member of several types (a type union) is not supported; give it one type. No code is generated from this schema, rather than code that accepts what the schema forbids or rejects what it allows.")]
    [InlineData("""{"type":"object","allOf":[]}""", "MG1003", "The keyword 'allOf' has an invalid value: expected a non-empty array of schemas")]
    [InlineData("""{"type":"object","oneOf":[{"type":"string"}]}""", "MG1009", "The keyword 'oneOf' changes which values are valid, but only a list of {\"required\": [...]} alternatives (exactly one of them set) is supported. No code is generated from this schema, rather than code that accepts what the schema forbids or rejects what it allows.")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/Missing"}}}""", "MG1004", "The reference '#/$defs/Missing' cannot be resolved: there is no '$defs' at that place in this file")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"other.json#/x"}}}""", "MG1004", "The reference 'other.json#/x' cannot be resolved: only local references within this file (starting with '#') are supported")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}""", "MG1007", "'required' names the member 'b', which is not in this object's 'properties'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"[a-"}}}""", "MG1006", "The pattern '[a-' is not a valid regular expression: Invalid pattern '[a-' at offset 3. Unterminated [] set.")]
    [InlineData("""{"type":"object","properties":{"wa_id":{"type":"string"},"waId":{"type":"string"}}}""", "MG1005", "The members 'wa_id' and 'waId' would both generate the property 'WaId'. Rename one of them.")]
    [InlineData("""{"type":"object","properties":{"to_json":{"type":"string"}}}""", "MG1005", "The member 'to_json' would generate the property 'ToJson', which MessageGen generates itself. Rename the member.")]
    [InlineData("""{"title":"Thing","type":"object","properties":{"thing":{"type":"string"}}}""", "MG1005", "The member 'thing' would generate the property 'Thing', the name of its own type. Give the object a different 'title'.")]
    [InlineData("""{"type":"object","properties":{"additional_properties":{"type":"string"}},"additionalProperties":{"type":"integer"}}""", "MG1005", "The member 'additional_properties' would generate the property 'AdditionalProperties', which holds the members that 'additionalProperties' describes. Rename the member.")]
    [InlineData("""{"title":"Additional properties","type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}}""", "MG1005", "The type 'AdditionalProperties' would hold the members that 'additionalProperties' describes in a property of its own name, 'AdditionalProperties'. Give the object a different 'title'.")]
    [InlineData("""{"type":"string"}""", "MG1003", "The keyword 'type' has an invalid value: an object schema must have \"type\": \"object\"")]
    [InlineData("""[1, 2]""", "MG1003", "The keyword '(root)' has an invalid value: the schema must be a JSON object, not an array")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","maxLength":-1}}}""", "MG1003", "The keyword 'maxLength' has an invalid value: expected a non-negative whole number")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"integer","enum":["one"]}}}""", "MG1003", "The keyword 'enum' has an invalid value: no integer is among the allowed values, so no value is valid")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","const":"a","enum":["b","c"]}}}""", "MG1003", "The keyword 'enum' has an invalid value: it does not hold the const beside it, so no value is valid")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"boolean","enum":["true",1]}}}""", "MG1003", "The keyword 'enum' has an invalid value: no boolean is among the allowed values, so no value is valid")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"boolean","const":"true"}}}""", "MG1003", "The keyword 'enum' has an invalid value: no boolean is among the allowed values, so no value is valid")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"date"}}}""", "MG1003", "The keyword 'type' has an invalid value: expected one of string, integer, number, boolean, object or array")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/A"}},"$defs":{"A":{"$ref":"#/$defs/A"}}}""", "MG1004", "The reference '#/$defs/A' cannot be resolved: it refers to itself through references only, so it has no type")]
    public void Schema_problems_are_reported_with_a_clear_message(string schema, string id, string message)
    {
        var diagnostic = Single(schema, id);

        Assert.Equal(message, diagnostic.GetMessage());
        Assert.NotEqual(Location.None, diagnostic.Location);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a\ud800":{"type":"string"}}}""", "properties", "\"a\\ud800\"")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","const":"\udc00"}}}""", "const", "\"\\udc00\"")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","enum":["ok","x\ud800y"]}}}""", "enum", "\"x\\ud800y\"")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"^\ud800$"}}}""", "pattern", "\"^\\ud800$\"")]
    [InlineData("""{"title":"T\ud800","type":"object"}""", "title", "\"T\\ud800\"")]
    [InlineData("""{"type":"object","properties":{"u":{"oneOf":[{"title":"A","type":"object","properties":{"k":{"type":"string","const":"\ud800"}},"required":["k"]}]}}}""", "const", "\"\\ud800\"")]
    public void Text_with_a_lone_surrogate_is_reported_where_it_stands_and_nothing_is_generated(string schema, string keyword, string at)
    {
        var (diagnostics, sources) = Run((SchemaPath, schema));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MG1003", diagnostic.Id);
        Assert.StartsWith($"The keyword '{keyword}' has an invalid value: the text holds a lone surrogate (U+D", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(at, schema.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(sources);
    }

    [Fact]
    public void Escaped_surrogate_pairs_in_names_and_constants_are_characters_and_generate_code_that_compiles()
    {
        const string schema = """{"title":"T","type":"object","properties":{"a\ud83d\ude00":{"type":"string","const":"\ud83d\ude00"},"b":{"type":"string","enum":["\ud83d\ude00"]}}}""";

        Assert.True(GeneratorHarness.AssertClearDiagnosticsOrCompilingCode(SchemaPath, schema, "surrogate pairs"));
    }

    [Fact]
    public void A_schema_with_errors_generates_nothing_but_other_schemas_still_generate()
    {
        var (diagnostics, sources) = Run(
            ("/p/broken.schema.json", "{"),
            (GeneratorHarness.SchemaPath("video-message.schema.json"), File.ReadAllText(GeneratorHarness.SchemaPath("video-message.schema.json"))));

        Assert.Equal("MG1001", Assert.Single(diagnostics).Id);
        Assert.Equal("video-message.g.cs", Assert.Single(sources).HintName);
    }

    [Fact]
    public void An_unreadable_file_is_reported()
    {
        Assert.Equal("The schema file '/p/gone.schema.json' cannot be read", Assert.Single(Run(("/p/gone.schema.json", null)).Diagnostics).GetMessage());
    }

    [Fact]
    public void Two_files_that_generate_the_same_type_are_reported_and_the_second_is_skipped()
    {
        var video = File.ReadAllText(GeneratorHarness.SchemaPath("video-message.schema.json"));

        var (diagnostics, sources) = Run(("/a/video-message.schema.json", video), ("/b/video-message.schema.json", video));

        Assert.Equal(
            "'video-message.schema.json' and 'video-message.schema.json' both generate the type 'MessageGen.WhatsApp.VideoMessage'; 'video-message.schema.json' was not generated. Give one of the objects a different 'title'.",
            Assert.Single(diagnostics).GetMessage());
        Assert.Single(sources);
    }

    [Fact]
    public void Files_with_the_same_name_in_different_folders_get_distinct_hint_names()
    {
        var (diagnostics, sources) = Run(
            ("/a/msg.schema.json", """{"title":"A","type":"object"}"""),
            ("/b/msg.schema.json", """{"title":"B","type":"object"}"""));

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "msg.g.cs", "msg.2.g.cs" }, sources.Select(s => s.HintName));
    }

    [Fact]
    public async Task Invalid_json_location_is_verified_by_the_Roslyn_generator_test_harness()
    {
        var test = new CSharpSourceGeneratorTest<SchemaGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState =
            {
                Sources = { "class Program { }" },
                AdditionalFiles = { ("/0/broken.schema.json", "{\n  \"title\": \"X\",\n  \"type\": object\n}") },
                ExpectedDiagnostics =
                {
                    new DiagnosticResult("MG1001", DiagnosticSeverity.Error)
                        .WithSpan("/0/broken.schema.json", 3, 11, 3, 11)
                        .WithArguments("broken.schema.json", "Unexpected character 'o'; expected a value"),
                },
            },
        };

        await test.RunAsync();
    }
}
