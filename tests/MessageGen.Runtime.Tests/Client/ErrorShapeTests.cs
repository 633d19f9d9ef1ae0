using System.Net;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class ErrorShapeTests
{
    [Fact]
    public async Task Reads_360dialogs_own_shape()
    {
        var error = await RejectWith(400, """{"error":"Invalid request"}""");

        Assert.Equal(WhatsAppApiErrorShape.Dialog, error.Shape);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid request", error.ApiMessage);
        Assert.Null(error.ErrorCode);
        Assert.Contains("Invalid request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_every_field_of_the_graph_shape()
    {
        var error = await RejectWith(400, """
            {"error":{"message":"(#131056) (Business Account, Consumer Account) pair rate limit hit","type":"OAuthException",
             "code":131056,"error_subcode":2494055,"error_data":{"messaging_product":"whatsapp","details":"Wait before sending again."},
             "fbtrace_id":"AbCdEf123","is_transient":false}}
            """);

        Assert.Equal(WhatsAppApiErrorShape.Graph, error.Shape);
        Assert.Equal(WhatsAppErrorCodes.PairRateLimit, error.ErrorCode);
        Assert.Equal(2494055, error.ErrorSubcode);
        Assert.Equal("OAuthException", error.ErrorType);
        Assert.Equal("(#131056) (Business Account, Consumer Account) pair rate limit hit", error.ApiMessage);
        Assert.Equal("Wait before sending again.", error.Details);
        Assert.Equal("AbCdEf123", error.TraceId);
        Assert.False(error.IsTransient);
        Assert.Contains("code 131056 pair rate limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("AbCdEf123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_legacy_shape()
    {
        var error = await RejectWith(400, """{"meta":{"httpCode":400,"developerMessage":"Parameter 'to' is invalid","success":false}}""");

        Assert.Equal(WhatsAppApiErrorShape.Legacy, error.Shape);
        Assert.Equal("Parameter 'to' is invalid", error.ApiMessage);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task Quotes_the_start_of_a_body_that_is_not_json()
    {
        var page = "<html><body>" + new string('x', 1000) + "</body></html>";

        var error = await RejectWith(403, page, "text/html");

        Assert.Equal(WhatsAppApiErrorShape.Unrecognized, error.Shape);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.StartsWith("<html><body>xxx", error.ApiMessage, StringComparison.Ordinal);
        Assert.True(error.ApiMessage.Length < 400, "a long page is cut short");
    }

    [Fact]
    public async Task An_empty_error_body_still_gives_the_status()
    {
        var error = await RejectWith(404, "", "text/plain");

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("(empty body)", error.ApiMessage);
    }

    private static async Task<WhatsAppApiException> RejectWith(int status, string body, string contentType = "application/json")
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        sandbox.Faults.Enqueue(SandboxFault.Answer(status, body, contentType));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Single(sandbox.Requests);
        Assert.False(error.MayHaveBeenDelivered);
        return error;
    }
}
