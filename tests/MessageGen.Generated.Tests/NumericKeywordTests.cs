using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary><c>minimum</c>, <c>maximum</c>, their exclusive forms, <c>multipleOf</c> and <c>uniqueItems</c>, as 2020-12 defines them.</summary>
public class NumericKeywordTests
{
    private static IReadOnlyList<ValidationError> Read(string members) => Violations.Of(() => Measurement.FromJson("{" + members + "}"));

    [Theory]
    [InlineData("\"latitude\":-90,\"longitude\":180")]
    [InlineData("\"latitude\":90.0,\"longitude\":-180")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"score\":1,\"price\":19.99,\"steps\":15")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"score\":9,\"price\":0.075e1,\"steps\":-5")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"readings\":[1,2,3],\"labels\":[\"a\",\"b\"]")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"readings\":[],\"verified\":true")]
    public void Values_within_the_limits_are_valid(string members) => Assert.Empty(Read(members));

    [Theory]
    [InlineData("\"latitude\":-90.000001,\"longitude\":0", "$.latitude", "'latitude' is -90.000001; the minimum is -90.")]
    [InlineData("\"latitude\":91,\"longitude\":0", "$.latitude", "'latitude' is 91; the maximum is 90.")]
    [InlineData("\"latitude\":0,\"longitude\":180.5", "$.longitude", "'longitude' is 180.5; the maximum is 180.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"score\":0", "$.score", "'score' is 0; it must be greater than 0.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"score\":10", "$.score", "'score' is 10; it must be less than 10.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"price\":19.999", "$.price", "'price' is 19.999, which is not a multiple of 0.01.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"steps\":7", "$.steps", "'steps' is 7, which is not a multiple of 5.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"readings\":[1,-1]", "$.readings[1]", "'item [1]' is -1; the minimum is 0.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"readings\":[1,2,1.0]", "$.readings", "'readings' must hold unique items, but item 2 repeats an earlier one.")]
    [InlineData("\"latitude\":0,\"longitude\":0,\"labels\":[\"a\",\"a\"]", "$.labels", "'labels' must hold unique items, but item 1 repeats an earlier one.")]
    public void Values_beyond_the_limits_are_reported_with_their_path(string members, string path, string message)
    {
        Assert.Equal(new ValidationError(path, message), Assert.Single(Read(members)));
    }

    [Fact]
    public void Build_checks_the_limits_of_required_and_optional_members()
    {
        var error = Assert.Throws<MessageValidationException>(() => Measurement.Builder().WithLatitude(95).WithLongitude(0).WithScore(12).Build());

        Assert.Equal(["$.latitude", "$.score"], error.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("\"rating\":5", true)]
    [InlineData("\"rating\":2.0", true)]
    [InlineData("\"rating\":4", false)]
    [InlineData("\"version\":2", true)]
    [InlineData("\"version\":2.5", false)]
    public void Enum_and_const_of_numbers_compare_values_so_1_equals_1_point_0(string member, bool valid)
    {
        var errors = Read("\"latitude\":0,\"longitude\":0," + member);

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Contains("it must be one of", Assert.Single(errors).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0075, 0.0001, true)]
    [InlineData(4.5, 1.5, true)]
    [InlineData(35, 1.5, false)]
    [InlineData(1e308, 0.123456789, false)]
    [InlineData(12391239123, 1e-8, true)]
    public void MultipleOf_is_exact_for_decimal_fractions(double value, double divisor, bool isMultiple)
    {
        var errors = new Serialization.ValidationErrors();

        Serialization.SchemaChecks.CheckNumber(value, "$", "n", minimum: null, exclusiveMinimum: null, maximum: null, exclusiveMaximum: null, multipleOf: divisor, errors: errors);

        Assert.Equal(isMultiple, errors.Count == 0);
    }
}
