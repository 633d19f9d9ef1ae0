using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MessageGen.Tests;

/// <summary>Schemas whose names collide with what C# binds first: the generated code must compile all the same.</summary>
public class GeneratedCodeCompilesTests
{
    [Theory]
    [InlineData("""
        {"title":"Registry","type":"object",
         "properties":{"progIds":{"type":"array","items":{"$ref":"#/$defs/progIds"}}},
         "$defs":{"progIds":{"type":"object","properties":{"name":{"type":"string"}}}}}
        """)]
    [InlineData("""
        {"title":"Holder","type":"object",
         "properties":{"video":{"title":"Clip","type":"object","properties":{"name":{"type":"string"}}},
                       "clip":{"type":"string"}}}
        """)]
    public void A_member_named_like_a_generated_type_does_not_hide_the_type(string schema)
        => Assert.True(GeneratorHarness.AssertClearDiagnosticsOrCompilingCode("/project/names.schema.json", schema, "names"), "The schema got no code.");
}
