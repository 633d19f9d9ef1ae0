using System.Net;
using System.Text;
using MessageGen.Runtime.Tests.Schema;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class SendAsyncTests
{
    [Fact]
    public async Task Sends_the_messages_exact_json_with_content_type_and_key_and_returns_the_answer()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var message = Messages.Video(caption: "Crème brûlée 🍮 \"quoted\"");

        var result = await client.SendAsync(message);

        var request = Assert.Single(sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/messages", request.Path);
        Assert.Equal("application/json", request.ContentType);
        Assert.True(request.ApiKeyAccepted);
        Assert.Equal(Encoding.UTF8.GetBytes(message.ToJson()), request.Body.ToArray());

        var accepted = Assert.Single(sandbox.Messages);
        Assert.Equal(accepted.Id, result.MessageId);
        Assert.StartsWith("wamid.", result.MessageId, StringComparison.Ordinal);
        Assert.Equal(WhatsAppMessageStatus.Accepted, result.MessageStatus);
        Assert.Equal("15550001234", result.WaId);
    }

    [Fact]
    public async Task A_message_that_breaks_its_schema_is_refused_before_anything_is_sent()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        // Deliberately invalid, to reach the run-time check the analyzers would otherwise stop at compile time.
#pragma warning disable MG0001, MG0005
        var invalid = new VideoMessage { To = "not a number", Video = new VideoMedia { Id = "1", Link = "https://cdn.example.com/a.mp4" } };
#pragma warning restore MG0001, MG0005

        var error = await Assert.ThrowsAsync<MessageValidationException>(() => client.SendAsync(invalid));

        Assert.Contains(error.Errors, e => e.Path == "$.to");
        Assert.Contains(error.Errors, e => e.Path.StartsWith("$.video", StringComparison.Ordinal));
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_refused_key_is_an_authentication_failure_read_from_the_legacy_shape_and_not_retried()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal(WhatsAppApiErrorShape.Legacy, error.Shape);
        Assert.Equal("Invalid api key", error.ApiMessage);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task Per_number_clients_send_concurrently_each_with_its_own_key()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var otherNumber = client.WithApiKey("key-of-another-number");

        var sends = await Task.WhenAll(
            Capture(() => client.SendAsync(Messages.Video("+15550000001"))),
            Capture(() => otherNumber.SendAsync(Messages.Video("+15550000002"))),
            Capture(() => client.SendAsync(Messages.Video("+15550000003"))));

        Assert.Null(sends[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, Assert.IsType<WhatsAppApiException>(sends[1]).StatusCode);
        Assert.Null(sends[2]);
        Assert.Equal(["+15550000001", "+15550000003"], sandbox.Messages.Select(m => m.To).Order());
    }

    [Fact]
    public async Task The_base_address_may_carry_a_path()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.BaseAddress = new Uri(sandbox.BaseAddress, "v1"));

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        // Resolved under the path (/v1/messages), not in place of it; the sandbox has no /v1, so 404 proves the path was kept.
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(new Uri(sandbox.BaseAddress, "v1/"), client.BaseAddress);
    }

    private static async Task<Exception?> Capture(Func<Task> send)
    {
        try
        {
            await send();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
