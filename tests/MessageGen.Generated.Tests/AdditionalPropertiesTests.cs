using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>An object with <c>properties</c> and an <c>additionalProperties</c> schema: its other members are kept, checked and written in a dictionary.</summary>
public class AdditionalPropertiesTests
{
    private static IReadOnlyList<ValidationError> Read(string json) => Violations.Of(() => Product.FromJson(json));

    [Fact]
    public void Members_properties_does_not_name_are_read_into_the_dictionary()
    {
        var product = Product.FromJson("""{"color":"red","sku":"A-1","dimensions":{"w":2.5,"unit":"cm"},"size":"XL"}""");

        Assert.Equal("A-1", product.Sku);
        Assert.Equal(new Dictionary<string, string> { ["color"] = "red", ["size"] = "XL" }, product.AdditionalProperties);
        Assert.Equal("cm", product.Dimensions!.Unit);
        Assert.Equal(2.5, product.Dimensions.AdditionalProperties!["w"]);
    }

    [Fact]
    public void An_object_without_other_members_has_no_dictionary()
    {
        Assert.Null(Product.FromJson("""{"sku":"A-1"}""").AdditionalProperties);
    }

    [Theory]
    [InlineData("""{"sku":"A-1","color":12}""", "$.color", "Expected a string but found a number (byte 21).")]
    [InlineData("""{"sku":"A-1","note":"longer than ten"}""", "$.note", "'note' is 15 characters long; the maximum is 10.")]
    [InlineData("""{"sku":"A-1","x":"1","x":"2"}""", "$.x", "Member 'x' occurs more than once (byte 21). Keep one.")]
    [InlineData("""{"sku":"A-1","dimensions":{"unit":"cm","w":2,"h":0}}""", "$.dimensions.h", "'h' is 0; it must be greater than 0.")]
    [InlineData("""{"sku":"A-1","labels":{"a":{"text":"x"},"b":{}}}""", "$.labels.b.text", "Required member 'text' is missing.")]
    [InlineData("""{"sku":"A-1","labels":{"a":"x"}}""", "$.labels.a", "Expected an object but found a string (byte 27).")]
    public void Every_other_member_is_checked_against_the_schema_at_its_own_path(string json, string path, string message)
    {
        Assert.Equal(new ValidationError(path, message), Assert.Single(Read(json)));
    }

    [Fact]
    public void The_members_are_written_first_then_the_others()
    {
        var product = Product.Builder()
            .WithAdditionalProperties(new Dictionary<string, string> { ["color"] = "red", ["size"] = "XL" })
            .WithSku("A-1")
            .WithPrice(9.5)
            .WithDimensions(d => d.WithAdditionalProperties(new Dictionary<string, double> { ["w"] = 2 }))
            .WithLabels(l => l.WithAdditionalProperties(new Dictionary<string, Label> { ["a"] = Label.Builder().WithText("new").Build(), ["b"] = Label.Builder().WithText("old").Build() }))
            .Build();

        var json = product.ToJson();

        Assert.Equal("""{"sku":"A-1","price":9.5,"dimensions":{"w":2},"labels":{"a":{"text":"new"},"b":{"text":"old"}},"color":"red","size":"XL"}""", json);
        Assert.Equal(json, Product.FromJson(json).ToJson());
    }

    [Fact]
    public void Build_copies_the_dictionary_and_checks_each_value()
    {
        var others = new Dictionary<string, string> { ["color"] = "red" };
        var product = Product.Builder().WithSku("A-1").WithAdditionalProperties(others).Build();
        others["later"] = "ignored";

        var error = Assert.Throws<MessageValidationException>(
            () => Product.Builder().WithSku("A-1").WithAdditionalProperties(new Dictionary<string, string> { ["note"] = "longer than ten", ["ok"] = null! }).Build());

        Assert.Equal("""{"sku":"A-1","color":"red"}""", product.ToJson());
        Assert.Equal([new ValidationError("$.note", "'note' is 15 characters long; the maximum is 10."), new ValidationError("$.ok", "Values must not be null.")], error.Errors);
    }

    [Fact]
    public void A_member_properties_describes_cannot_be_an_additional_property_too()
    {
        var error = Assert.Throws<MessageValidationException>(
            () => Product.Builder().WithSku("A-1").WithAdditionalProperties(new Dictionary<string, string> { ["sku"] = "B-2" }).Build());

        Assert.Equal(
            new ValidationError("$.sku", "'sku' is a member the schema describes in 'properties', so it cannot be an additional property too. Set it through its own property."),
            Assert.Single(error.Errors));
    }
}
