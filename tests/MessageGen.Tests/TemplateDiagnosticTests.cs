using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>MG1010..MG1014: a bad templates file or template is reported at its line and column; the good templates still generate.</summary>
public class TemplateDiagnosticTests
{
    private static string File(params string[] templates) => $$"""
        {"count":{{templates.Length}},"filters":{},"limit":1000,"offset":0,"sort":["id"],"total":{{templates.Length}},
        "waba_templates":[
        {{string.Join(",\n", templates)}}
        ]}
        """;

    private static string Template(string name, string components, string language = "en_US", string status = "approved", string extra = "")
        => $$"""{"category":"UTILITY","components":{{components}},"id":"1","language":"{{language}}","name":"{{name}}"{{extra}},"namespace":"ns","rejected_reason":"NONE","status":"{{status}}"}""";

    private static string Body(string text) => $$"""[{"type":"BODY","text":"{{text}}"}]""";

    private static readonly string s_good = Template("good_one", Body("Hi {{1}}"));

    private static IReadOnlyList<string> Generated(string templates)
    {
        TemplateHarness.Driver(templates).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return output.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(p => p.EndsWith(".template.g.cs", StringComparison.Ordinal)).ToList();
    }

    [Theory]
    [InlineData("{ not json", "MG1010", "not valid JSON")]
    [InlineData("""{"count":0}""", "MG1010", "'waba_templates' array")]
    [InlineData("""{"waba_templates":{}}""", "MG1010", "'waba_templates' array")]
    [InlineData("[]", "MG1010", "'waba_templates' array")]
    public void A_file_that_is_not_the_apis_answer_is_MG1010(string text, string id, string message)
    {
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(Generated(text));
    }

    [Theory]
    [InlineData("""{"category":"UTILITY","components":[],"language":"en_US","status":"approved"}""", "a template has no 'name' string", "{")]
    [InlineData("""{"components":[],"language":"en_US","name":42,"status":"approved"}""", "a template has no 'name' string", "42")]
    [InlineData("""{"components":[],"name":"no_language","status":"approved"}""", "template 'no_language' has no 'language' string", "\"no_language\"")]
    [InlineData("""{"components":{"type":"BODY"},"language":"en_US","name":"bad_components","status":"approved"}""", "template 'bad_components' (en_US) has no 'components' array", """{"type":"BODY"}""")]
    [InlineData("""{"components":["BODY"],"language":"en_US","name":"bad_component","status":"approved"}""", "each component of template 'bad_component' (en_US) must be an object with a 'type' string", "\"BODY\"")]
    [InlineData("""{"components":[{"type":"HEADER","format":"GIF"}],"language":"en_US","name":"bad_header","status":"approved"}""", "needs a 'format' of TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION", "\"GIF\"")]
    [InlineData("""{"components":[{"type":"BODY"}],"language":"en_US","name":"no_text","status":"approved"}""", "the BODY of template 'no_text' (en_US) has no 'text' string", """{"type":"BODY"}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":{}}],"language":"en_US","name":"bad_buttons","status":"approved"}""", "have no 'buttons' array", """{"type":"BUTTONS","buttons":{}}""")]
    [InlineData("17", "each item of 'waba_templates' must be an object, not a number", "17")]
    [InlineData("""{"components":[],"language":"en_US","name":"bad\ud800","status":"approved"}""", "holds a lone surrogate", "\"bad\\ud800\"")]
    public void A_malformed_template_is_MG1010_at_its_place_and_the_others_still_generate(string template, string message, string at)
    {
        var text = File(s_good, template);
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal("MG1010", diagnostic.Id);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith(at, diagnostic.At, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(new[] { "MessageGen.WhatsApp.GoodOneTemplate.template.g.cs" }, Generated(text));
    }

    [Theory]
    [InlineData("Hi {{1}}, order {{3}}", "", "its parameters {{1}}, {{3}} skip {{2}}")]
    [InlineData("Hi {{2}}", "", "its parameters {{2}} skip {{1}}")]
    [InlineData("Hi {{1}}, {{first_name}}", "", "it mixes positional and named parameters")]
    [InlineData("Hi {{1}}, {{first_name}}", ",\"parameter_format\":\"NAMED\"", "it mixes positional and named parameters")]
    [InlineData("Hi {{first_name}}", "", "it has the named parameter {{first_name}}, but its parameter_format is not NAMED")]
    [InlineData("Hi {{1}}", ",\"parameter_format\":\"NAMED\"", "its parameter_format is NAMED, but it has the positional parameter {{1}}")]
    [InlineData("Hi {{first_name}} {{firstName}}", ",\"parameter_format\":\"NAMED\"", "two body parameters make the same C# parameter name: first_name, firstName")]
    public void A_body_with_a_gap_or_mixed_parameters_is_MG1011(string body, string extra, string message)
    {
        var text = File(Template("bad_body", Body(body), extra: extra), s_good);
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal("MG1011", diagnostic.Id);
        Assert.Equal($"Template 'bad_body' (en_US) gets no type: {message}", diagnostic.Message);
        Assert.Equal(3, diagnostic.Line);
        Assert.Equal(new[] { "MessageGen.WhatsApp.GoodOneTemplate.template.g.cs" }, Generated(text));
    }

    [Theory]
    [InlineData("""[{"type":"HEADER","format":"TEXT","text":"{{1}} and {{2}}"}]""", "a TEXT header takes at most one parameter")]
    [InlineData("""[{"type":"BUTTONS","buttons":[{"type":"URL","text":"Go","url":"https://shop.example.com/{{1}}/track"}]}]""", "the URL of button 0 may only end in {{1}}")]
    public void A_header_or_button_that_cannot_be_sent_is_MG1011(string components, string message)
    {
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(File(Template("bad_parts", components))));
        Assert.Equal("MG1011", diagnostic.Id);
        Assert.EndsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_rejected_and_paused_templates_are_not_checked_and_get_no_type()
    {
        var text = File(
            Template("pending_one", Body("{{2}}"), status: "pending"),
            Template("rejected_one", Body("{{1}} {{x}}"), status: "REJECTED"),
            Template("paused_one", """{"not":"an array"}""", status: "paused"));

        Assert.Empty(TemplateHarness.Diagnostics(text));
        Assert.Empty(Generated(text));
    }

    [Fact]
    public void Unknown_members_and_components_are_ignored()
    {
        var text = File(Template(
            "with_extras",
            """[{"type":"BODY","text":"Hi {{1}}","example":{"body_text":[["Anna"]]}},{"type":"CAROUSEL","cards":[]},{"type":"FOOTER","text":"bye"}]""",
            extra: ""","quality_score":{"score":"GREEN"},"sub_category":"ORDER_DETAILS" """));

        Assert.Empty(TemplateHarness.Diagnostics(text));
        Assert.Equal(new[] { "MessageGen.WhatsApp.WithExtrasTemplate.template.g.cs" }, Generated(text));
    }

    [Fact]
    public void A_name_that_maps_to_a_schemas_type_is_MG1012()
    {
        // A schema whose object is titled "VideoMessageTemplate" would clash; the video schema's "VideoMedia" clashes with no template
        // name, so the clash is with a second template instead, and with a schema type named like a template in the next test.
        var text = File(Template("order_shipped", Body("{{1}}")), Template("OrderShipped", Body("{{1}}"), language: "de_DE"));
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal("MG1012", diagnostic.Id);
        Assert.Equal("Template 'OrderShipped' would generate the type 'MessageGen.WhatsApp.OrderShippedTemplate', which template 'order_shipped' in 'whatsapp-templates.json' generates too; the template gets no type", diagnostic.Message);
        Assert.Equal("\"OrderShipped\"", diagnostic.At);
        Assert.Single(Generated(text));
    }

    [Fact]
    public void A_name_that_maps_to_a_type_a_schema_generates_is_MG1012()
    {
        var schema = new InMemoryAdditionalText("/project/promo.schema.json", """{"title":"PromoTemplate","type":"object","properties":{"name":{"type":"string"}}}""");
        var text = File(Template("promo", Body("{{1}}")), s_good);
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text, TemplateHarness.Schemas(TemplateHarness.MediaSchemas).Append(schema)));
        Assert.Equal("MG1012", diagnostic.Id);
        Assert.Contains("'MessageGen.WhatsApp.PromoTemplate', which a schema generates too", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("\"promo\"", diagnostic.At);
    }

    [Theory]
    [InlineData("2fa_code", "2faCodeTemplate")]
    [InlineData("___", "Template")]
    public void A_name_that_makes_no_type_name_is_MG1013(string name, string typeName)
    {
        var text = File(Template(name, Body("{{1}}")), s_good);
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal("MG1013", diagnostic.Id);
        Assert.Equal($"Template name '{name}' does not make a C# type name ('{typeName}'); the template gets no type", diagnostic.Message);
        Assert.Equal($"\"{name}\"", diagnostic.At);
        Assert.Single(Generated(text));
    }

    [Fact]
    public void A_media_header_without_its_schema_is_MG1014_instead_of_code_that_does_not_compile()
    {
        var text = File(Template("clip", """[{"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi"}]"""), s_good);
        var schemas = TemplateHarness.Schemas("image-message.schema.json");
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text, schemas));
        Assert.Equal("MG1014", diagnostic.Id);
        Assert.Equal(
            "Template 'clip' has a VIDEO header, sent as 'VideoMedia', but no type 'MessageGen.WhatsApp.VideoMedia' is generated; add the schema that defines it (schema/video-message.schema.json) to the AdditionalFiles. The template gets no type.",
            diagnostic.Message);
        Assert.Equal("\"clip\"", diagnostic.At);

        TemplateHarness.Driver(text, schemas).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("MessageGen.WhatsApp.GoodOneTemplate"));
        Assert.Null(output.GetTypeByMetadataName("MessageGen.WhatsApp.ClipTemplate"));
    }

    [Fact]
    public void The_same_name_approved_twice_in_one_language_keeps_the_first()
    {
        var text = File(Template("twice", Body("{{1}}")), Template("twice", Body("{{1}} {{2}}")));
        var diagnostic = Assert.Single(TemplateHarness.Diagnostics(text));
        Assert.Equal("MG1010", diagnostic.Id);
        Assert.Equal(4, diagnostic.Line);
        Assert.Single(Generated(text));
    }

    [Fact]
    public void Named_parameters_that_are_csharp_keywords_are_escaped()
    {
        var text = File(Template("keywords", Body("{{class}} {{string}}"), extra: ",\"parameter_format\":\"NAMED\""));
        var result = TemplateHarness.Run(out var output, out var diagnostics, text);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("WithBody(string @class, string @string)", result.GeneratedSources.Single(s => s.HintName.Contains("Keywords", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unusual_names_languages_and_parameters_still_compile_without_warnings()
    {
        var text = File(
            Template("crème_brûlée", """[{"type":"HEADER","format":"TEXT","text":"Für {{straße}}"},{"type":"BODY","text":"{{straße}} {{_private}} {{value}} {{Ünïcode_1}}"}]""", language: "de_DE<b>\\n&x", extra: ",\"parameter_format\":\"named\""),
            Template("two\\nlines \\\"quoted\\\" */ // <x>", """[{"type":"HEADER","format":"LOCATION"},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"a"},{"type":"PHONE_NUMBER","text":"b"},{"type":"URL","text":"c","url":"https://x.example/{{1}}"}]}]""", language: "sr-Latn"),
            Template("two\\nlines \\\"quoted\\\" */ // <x>", """[{"type":"BUTTONS","buttons":[{"type":"URL","text":"c","url":"https://x.example/{{1}}"}]}]""", language: "\\\"; }"));
        var result = TemplateHarness.Run(out var output, out var diagnostics, text);
        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedSources.Count(s => s.HintName.EndsWith(".template.g.cs", StringComparison.Ordinal)));
        var warnings = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
        Assert.NotNull(output.GetTypeByMetadataName("MessageGen.WhatsApp.TwoLinesQuotedXTemplateBuilder")?.GetMembers("WithButton2").SingleOrDefault());
    }

    [Fact]
    public void Two_named_shapes_of_one_arity_get_a_language_named_method()
    {
        var text = File(
            Template("greeting", Body("Hi {{first_name}}"), extra: ",\"parameter_format\":\"NAMED\""),
            Template("greeting", Body("Hallo {{vorname}}"), language: "de_DE", extra: ",\"parameter_format\":\"NAMED\""));
        TemplateHarness.Run(out var output, out var diagnostics, text);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var builder = output.GetTypeByMetadataName("MessageGen.WhatsApp.GreetingTemplateBuilder")!;
        Assert.Equal("vorname", ((IMethodSymbol)Assert.Single(builder.GetMembers("WithBody"))).Parameters.Single().Name);
        Assert.Equal("firstName", ((IMethodSymbol)Assert.Single(builder.GetMembers("WithBodyForEnUS"))).Parameters.Single().Name);
    }

    [Fact]
    public void Neither_a_missing_file_text_nor_any_prefix_of_the_fixture_makes_the_generator_throw()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/x-templates.json", null) });
        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Equal("MG1010", Assert.Single(result.Diagnostics).Id);

        var fixture = TemplateHarness.FixtureText;
        for (var length = 0; length < fixture.Length; length += 97)
        {
            var cut = TemplateHarness.Driver(fixture[..length]).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
            Assert.Null(cut.Exception);
            Assert.DoesNotContain(cut.Diagnostics, d => d.Id is "MG1000" or "CS8785");
        }
    }
}
