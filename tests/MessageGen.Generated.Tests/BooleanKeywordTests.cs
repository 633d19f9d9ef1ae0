using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary><c>const</c> and <c>enum</c> of booleans, in <c>Build()</c>, <c>Validate()</c> and <c>FromJson</c> alike.</summary>
public class BooleanKeywordTests
{
    private static IReadOnlyList<ValidationError> Read(string json) => Violations.Of(() => Consent.FromJson(json));

    [Theory]
    [InlineData("""{"accepted":true}""")]
    [InlineData("""{"accepted":true,"newsletter":false,"either":true,"confirmations":[true,true],"opt_outs":{"sms":false}}""")]
    [InlineData("""{"accepted":true,"either":false,"confirmations":[]}""")]
    public void Allowed_booleans_are_valid(string json) => Assert.Empty(Read(json));

    [Theory]
    [InlineData("""{"accepted":false}""", "$.accepted", "'accepted' is false; it must be true.")]
    [InlineData("""{"accepted":true,"newsletter":true}""", "$.newsletter", "'newsletter' is true; it must be false.")]
    [InlineData("""{"accepted":true,"confirmations":[true,false]}""", "$.confirmations[1]", "'item [1]' is false; it must be true.")]
    [InlineData("""{"accepted":true,"opt_outs":{"sms":false,"mail":true}}""", "$.opt_outs.mail", "'mail' is true; it must be false.")]
    public void A_boolean_the_list_does_not_allow_is_a_violation_at_its_path(string json, string path, string message)
    {
        Assert.Equal(new ValidationError(path, message), Assert.Single(Read(json)));
    }

    [Theory]
    [InlineData("""{"accepted":true,"newsletter":"no"}""", "Expected true or false but found a string")]
    [InlineData("""{"accepted":true,"newsletter":0}""", "Expected true or false but found a number")]
    [InlineData("""{"accepted":true,"newsletter":null}""", "Expected true or false but found null")]
    public void Values_of_other_types_in_the_list_never_match(string json, string message)
    {
        var violation = Assert.Single(Read(json));

        Assert.Equal("$.newsletter", violation.Path);
        Assert.StartsWith(message, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_and_Validate_check_the_allowed_boolean()
    {
        var error = Assert.Throws<MessageValidationException>(() => Consent.Builder().WithAccepted(false).WithNewsletter(true).Build());
        var unvalidated = new Consent { Accepted = true, Confirmations = [false] };

        Assert.Equal(["$.accepted", "$.newsletter"], error.Errors.Select(e => e.Path));
        Assert.Equal("$.confirmations[0]", Assert.Single(unvalidated.Validate()).Path);
    }

    [Fact]
    public void A_member_name_and_value_escaped_as_surrogate_pairs_are_characters_read_and_written_as_such()
    {
        var consent = Consent.FromJson("{\"accepted\":true,\"mood\\ud83d\\ude00\":\"\\ud83d\\ude00\"}");

        Assert.Equal("\ud83d\ude00", consent.Mood);
        Assert.Equal("{\"accepted\":true,\"mood\ud83d\ude00\":\"\ud83d\ude00\"}", consent.ToJson());
        Assert.Equal("$.mood\ud83d\ude00", Assert.Single(Read("{\"accepted\":true,\"mood\ud83d\ude00\":\"\ud83d\ude01\"}")).Path);
    }

    [Theory]
    [InlineData("a-b", true)]
    [InlineData("a\u00a0b", false)]
    [InlineData("a\u3000b", false)]
    [InlineData("a\u0085b", true)]
    public void Non_white_space_in_a_pattern_class_is_ECMA_262_non_white_space(string signature, bool valid)
    {
        var consent = new Consent { Accepted = true, Signature = signature };

        Assert.Equal(valid, consent.Validate().Count == 0);
    }

    [Fact]
    public void A_valid_consent_round_trips()
    {
        var consent = Consent.Builder().WithAccepted(true).WithNewsletter(false).WithEither(true).WithConfirmations([true]).WithOptOuts(new Dictionary<string, bool> { ["sms"] = false }).Build();

        var json = consent.ToJson();

        Assert.Equal("""{"accepted":true,"newsletter":false,"either":true,"confirmations":[true],"opt_outs":{"sms":false}}""", json);
        Assert.Equal(json, Consent.FromJson(json).ToJson());
    }
}
