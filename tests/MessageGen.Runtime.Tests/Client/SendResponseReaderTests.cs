using System.Text;
using MessageGen.Internal;

namespace MessageGen.Runtime.Tests.Client;

public sealed class SendResponseReaderTests
{
    [Fact]
    public void Reads_the_documented_answer()
    {
        var result = Read("""{"contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],"messages":[{"id":"wamid.ABC","message_status":"accepted"}],"messaging_product":"whatsapp"}""");

        Assert.Equal(new SendMessageResult("wamid.ABC", "accepted", "4915112345678"), result);
        Assert.Same(WhatsAppMessageStatus.Accepted, result?.MessageStatus);
    }

    [Fact]
    public void Unknown_statuses_and_members_do_not_break_reading()
    {
        var result = Read("""
            {"meta":{"api_status":"stable","version":"2.0"},"messages":[{"extra":[1,{"a":null}],"message_status":"queued_for_the_moon","id":"wamid.X"},{"id":"wamid.second"}],
             "messaging_product":"whatsapp","contacts":[{"wa_id":"1","input":"+1","new":true}]}
            """);

        Assert.Equal("wamid.X", result?.MessageId);
        Assert.Equal("queued_for_the_moon", result?.MessageStatus);
        Assert.Equal("1", result?.WaId);
    }

    [Fact]
    public void An_answer_without_status_or_contacts_is_still_read()
    {
        var result = Read("""{"messages":[{"id":"wamid.Y"}]}""");

        Assert.Equal(new SendMessageResult("wamid.Y", null, null), result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"messages":[]}""")]
    [InlineData("""{"messages":[{"id":42}]}""")]
    [InlineData("""{"messages":[{"id":"wamid.Z" """)]
    public void Answers_without_a_message_id_give_nothing(string json) => Assert.Null(Read(json));

    private static SendMessageResult? Read(string json) => SendResponseReader.TryRead(Encoding.UTF8.GetBytes(json));
}
