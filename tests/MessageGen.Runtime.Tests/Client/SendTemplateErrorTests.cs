using System.Buffers;
using System.Text;
using MessageGen.Runtime.Tests.Sandbox;
using MessageGen.Runtime.Tests.Support;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>The sandbox's template errors reach the client as the API's: a typed error with the 1320xx code, not retried.</summary>
public sealed class SendTemplateErrorTests
{
    [Theory]
    [InlineData("spring_sale", "en_US", null, WhatsAppErrorCodes.TemplateNotFound)]
    [InlineData("order_shipped", "en_US", $"[{TemplateSends.VideoHeader},{TemplateSends.TrackButton}]", WhatsAppErrorCodes.TemplateParameterCountMismatch)]
    [InlineData("new_arrivals", "en_US", $"[{TemplateSends.VideoHeader},{{\"type\":\"body\",\"parameters\":[{{\"type\":\"text\",\"text\":\"x\"}}]}}]", WhatsAppErrorCodes.TemplateParameterFormatMismatch)]
    public async Task A_template_send_that_does_not_match_is_a_typed_error_with_the_APIs_code_sent_once(string name, string language, string? components, int code)
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(new JsonMessage(TemplateSends.Body(name, language, components))));

        Assert.Equal(code, error.ErrorCode);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Single(sandbox.Requests);
        Assert.NotNull(WhatsAppErrorCodes.Describe(code));
    }

    [Fact]
    public async Task A_matching_template_send_is_accepted()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var result = await client.SendAsync(new JsonMessage(TemplateSends.OrderShipped()));

        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    /// <summary>A body as a user's own message type would write it.</summary>
    private sealed class JsonMessage(string json) : IWhatsAppMessage
    {
        public IReadOnlyList<ValidationError> Validate() => [];

        public void WriteTo(IBufferWriter<byte> writer) => writer.Write(Encoding.UTF8.GetBytes(json));

        public string ToJson() => json;
    }
}
