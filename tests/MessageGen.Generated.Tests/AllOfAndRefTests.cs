using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>A root <c>$ref</c> and <c>allOf</c> of object schemas, merged into one type with every branch's rules.</summary>
public class AllOfAndRefTests
{
    [Fact]
    public void A_root_ref_takes_the_name_of_what_it_wraps_and_allOf_brings_every_branchs_members()
    {
        var order = OrderEvent.Builder().WithTimestamp("1733100000").WithOrderId("A-1042").WithAmount(19.5).WithNote("gift").Build();

        Assert.Equal("""{"note":"gift","timestamp":"1733100000","order_id":"A-1042","amount":19.5}""", order.ToJson());
        Assert.Equal(order.ToJson(), OrderEvent.FromJson(order.ToJson()).ToJson());
    }

    [Theory]
    [InlineData("""{"order_id":"A-1"}""", "$.timestamp", "Required member 'timestamp' is missing.")]
    [InlineData("""{"timestamp":"1"}""", "$.order_id", "Required member 'order_id' is missing.")]
    [InlineData("""{"timestamp":"x1","order_id":"A-1"}""", "$.timestamp", "'timestamp' must match the pattern ^[0-9]+$ but is \"x1\".")]
    [InlineData("""{"timestamp":"1","order_id":"A-1","amount":-1}""", "$.amount", "'amount' is -1; the minimum is 0.")]
    public void Every_branchs_rules_hold(string json, string path, string message)
    {
        var error = Assert.Throws<MessageValidationException>(() => OrderEvent.FromJson(json));

        Assert.Equal(new ValidationError(path, message), Assert.Single(error.Errors));
    }

    [Fact]
    public void Members_no_branch_describes_are_allowed_as_no_branch_closes_the_object()
    {
        var order = OrderEvent.FromJson("""{"timestamp":"1","order_id":"A-1","status":"x"}""");

        Assert.Equal("A-1", order.OrderId);
    }
}
