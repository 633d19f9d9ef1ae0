using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

public class SendMessageResponseTests
{
    [Fact]
    public void Reads_the_APIs_example_answer()
    {
        var response = SendMessageResponse.FromJson(
            """{"contacts":[{"input":"4915112345678","wa_id":"4915112345678"}],"messages":[{"id":"wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEjRCM0I2","message_status":"accepted"}],"messaging_product":"whatsapp"}""");

        Assert.Equal("wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEjRCM0I2", response.Messages[0].Id);
        Assert.Equal("accepted", response.Messages[0].MessageStatus);
        Assert.Equal("4915112345678", response.Contacts![0].WaId);
        Assert.Equal("4915112345678", response.Contacts[0].Input);
        Assert.Equal("whatsapp", response.MessagingProduct);
    }

    [Fact]
    public void Unknown_statuses_and_new_members_do_not_break_parsing()
    {
        var response = SendMessageResponse.FromJson(
            """{"messages":[{"id":"wamid.1","message_status":"some_future_status","extra":{"a":[1,2]}}],"meta":{"api_status":"stable"}}""");

        Assert.Equal("some_future_status", response.Messages[0].MessageStatus);
        Assert.Null(response.Contacts);
    }

    [Fact]
    public void Message_status_is_optional()
    {
        Assert.Null(SendMessageResponse.FromJson("""{"messages":[{"id":"wamid.1"}]}""").Messages[0].MessageStatus);
    }

    [Fact]
    public void Array_items_are_reported_with_their_index()
    {
        const string json = """{"messages":[{"id":"a"},{"message_status":"accepted"},7]}""";
        var error = Assert.Throws<MessageValidationException>(() => SendMessageResponse.FromJson(json));

        Assert.Equal(
            new[]
            {
                new ValidationError("$.messages[2]", $"Expected an object but found a number (byte {json.IndexOf('7', StringComparison.Ordinal)})."),
                new ValidationError("$.messages[1].id", "Required member 'id' is missing."),
            },
            error.Errors);
    }

    [Fact]
    public void Round_trips_arrays()
    {
        const string json = """{"contacts":[{"input":"1","wa_id":"2"},{"wa_id":"3"}],"messages":[{"id":"wamid.1","message_status":"paused"}],"messaging_product":"whatsapp"}""";

        Assert.Equal(json, SendMessageResponse.FromJson(json).ToJson());
    }
}
