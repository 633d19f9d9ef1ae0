using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary><c>dependentSchemas</c> beyond <c>required</c>: when the member is set, the whole object must meet its subschema.</summary>
public class DependentSchemaTests
{
    private const string ExpressAnyOf = "at least one of ('tracking' must be set) or ('insured' must be set and 'insured', if set, must be true) must hold";

    private static IReadOnlyList<ValidationError> Read(string members) => Violations.Of(() => Shipment.FromJson("{\"kind\":\"parcel\"" + members + "}"));

    private static ValidationError Violation(string member, string requirement)
        => new("$." + member, $"'{member}' is set, so {requirement}. Meet that or remove '{member}'.");

    [Theory]
    [InlineData("")]
    [InlineData(",\"express\":false,\"carrier\":\"dhl\",\"tracking\":\"ABCD1234\"")]
    [InlineData(",\"express\":true,\"carrier\":\"ups\",\"insured\":true,\"weight\":30")]
    [InlineData(",\"insured\":true,\"value\":10,\"tracking\":\"ABCD1234\"")]
    [InlineData(",\"insured\":false")]
    [InlineData(",\"weight\":31,\"carrier\":\"fedex\",\"value\":-3")]
    [InlineData(",\"gift\":true,\"message\":\"hi\"")]
    public void Objects_that_meet_the_dependent_schemas_are_valid(string members) => Assert.Empty(Read(members));

    public static TheoryData<string, ValidationError[]> Broken() => new()
    {
        { ",\"express\":true", [Violation("express", "'carrier' must be set"), Violation("express", ExpressAnyOf)] },
        { ",\"express\":true,\"carrier\":\"fedex\",\"tracking\":\"ABCD1234\"", [Violation("express", "'carrier', if set, must be one of \"dhl\", \"ups\"")] },
        { ",\"express\":true,\"carrier\":\"dhl\",\"tracking\":\"ABCD1234\",\"weight\":30.5", [Violation("express", "'weight', if set, must be at most 30")] },
        { ",\"express\":true,\"carrier\":\"dhl\",\"insured\":false", [Violation("express", ExpressAnyOf)] },
        { ",\"insured\":true,\"value\":12", [Violation("insured", "if 'value' is set, 'tracking' must be set"), Violation("insured", "'value', if set, must be greater than 0 and a multiple of 5")] },
        { ",\"insured\":true,\"value\":0,\"tracking\":\"ABCD1234\"", [Violation("insured", "'value', if set, must be greater than 0 and a multiple of 5")] },
        { ",\"gift\":true", [Violation("gift", "exactly one of ('message' must be set) or ('wrapping' must be set) must hold"), Violation("gift", "('message', if set, must be at most 0 characters long) must not hold")] },
        { ",\"gift\":true,\"message\":\"hi\",\"wrapping\":\"red\"", [Violation("gift", "exactly one of ('message' must be set) or ('wrapping' must be set) must hold")] },
        { ",\"gift\":true,\"message\":\"\"", [Violation("gift", "('message', if set, must be at most 0 characters long) must not hold")] },
        { ",\"tracking\":\"abc\"", [Violation("tracking", "'tracking', if set, must be a match of the pattern ^[A-Z0-9]{8,}$")] },
        // Only "required": reported as dependentRequired is.
        { ",\"wrapping\":\"red\"", [new("$.wrapping", "'wrapping' is set, so 'gift' must be set too. Set them or remove 'wrapping'.")] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_part_that_does_not_hold_is_a_violation_at_the_dependent_member(string members, ValidationError[] expected)
    {
        Assert.Equal(expected, Read(members));
    }

    [Fact]
    public void Build_and_Validate_check_the_dependent_schemas_too()
    {
        var error = Assert.Throws<MessageValidationException>(() => Shipment.Builder().WithGift(true).WithMessage("hi").WithWrapping("red").Build());
        var unvalidated = new Shipment { Express = true, Carrier = "dhl", Insured = true };

        Assert.Equal("$.gift", Assert.Single(error.Errors).Path);
        Assert.Equal([Violation("insured", "'value', if set, must be greater than 0 and a multiple of 5")], new Shipment { Insured = true, Value = 7, Tracking = "ABCD1234" }.Validate());
        Assert.Empty(unvalidated.Validate());
    }

    [Fact]
    public void A_valid_shipment_round_trips()
    {
        var shipment = Shipment.Builder().WithExpress(true).WithCarrier("ups").WithTracking("ABCD1234").WithWeight(2.5).Build();

        var json = shipment.ToJson();

        Assert.Equal("""{"express":true,"carrier":"ups","weight":2.5,"tracking":"ABCD1234","kind":"parcel"}""", json);
        Assert.Equal(json, Shipment.FromJson(json).ToJson());
    }
}
