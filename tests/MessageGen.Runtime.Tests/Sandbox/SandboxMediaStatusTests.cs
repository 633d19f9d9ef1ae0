using System.Net;
using System.Text.Json;
using MessageGen.Media;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Http;
using static MessageGen.Runtime.Tests.Sandbox.SandboxMessageBodies;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>
/// Every media kind, not only video: a file that breaks its kind's rules is accepted (200), then <c>sent</c> and
/// <c>failed</c> with 131053, as on the API; a file that meets them is <c>sent</c>, <c>delivered</c> and <c>read</c>.
/// </summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxMediaStatusTests
{
    [Fact]
    public async Task An_image_sent_by_the_id_of_an_upload_that_breaks_the_image_rules_is_sent_then_fails_with_131053()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(MediaFixtures.Read("picture.gif"), "image/gif");

        var wamid = await SendAsync(both, Message("image", $$$"""{"id":"{{{mediaId}}}","caption":"A GIF"}"""));

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal([("sent", wamid), ("failed", wamid)], events.Select(e => (e.Status, e.MessageId)));
        var error = Assert.Single(events[1].Errors);
        Assert.Equal((131053, "Media upload error"), (error.Code, error.Title));
        Assert.Equal(ProblemsOf("picture.gif", MediaKind.Image), error.Details);
    }

    [Fact]
    public async Task A_png_image_sent_by_the_id_of_its_upload_is_sent_delivered_and_read()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(MediaFixtures.Read("photo.png"), "image/png");

        var wamid = await SendAsync(both, Message("image", $$$"""{"id":"{{{mediaId}}}"}"""));

        var events = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal([("sent", wamid), ("delivered", wamid), ("read", wamid)], events.Select(e => (e.Status, e.MessageId)));
        Assert.All(events, e => Assert.Empty(e.Errors));
    }

    [Theory]
    [InlineData("audio", "vorbis.ogg", MediaKind.Audio)]
    [InlineData("sticker", "picture.webp", MediaKind.Sticker)]
    [InlineData("image", "picture.webp", MediaKind.Image)]
    [InlineData("sticker", "photo.png", MediaKind.Sticker)]
    public async Task A_file_linked_on_a_loopback_address_that_breaks_its_kinds_rules_fails_with_131053(string type, string file, MediaKind kind)
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        await using var files = await StartFileServerAsync();

        var wamid = await SendAsync(both, Message(type, $$$"""{"link":"{{{new Uri(files.BaseAddress, file)}}}"}"""));

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal([("sent", wamid), ("failed", wamid)], events.Select(e => (e.Status, e.MessageId)));
        var error = Assert.Single(events[1].Errors);
        Assert.Equal(131053, error.Code);
        Assert.Equal(ProblemsOf(file, kind), error.Details);
    }

    [Theory]
    [InlineData("audio", "voice.ogg")]
    [InlineData("document", "document.pdf")]
    [InlineData("sticker", "sticker-animated.webp")]
    [InlineData("image", "photo.jpg")]
    public async Task A_file_linked_on_a_loopback_address_that_meets_its_kinds_rules_is_read(string type, string file)
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        await using var files = await StartFileServerAsync();

        await SendAsync(both, Message(type, $$$"""{"link":"{{{new Uri(files.BaseAddress, file)}}}"}"""));

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
    }

    [Fact]
    public async Task A_sticker_linked_where_nothing_answers_is_taken_as_playable()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        await SendAsync(both, Message("sticker", $$$"""{"link":"http://127.0.0.1:{{{SandboxAndReceiver.UnusedLoopbackPort()}}}/sticker.webp"}"""));

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
    }

    [Fact]
    public async Task An_interactive_messages_image_header_by_the_id_of_an_upload_that_breaks_the_image_rules_fails_with_131053()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(MediaFixtures.Read("picture.gif"), "image/gif");

        var wamid = await SendAsync(both, Buttons(2, header: $$$"""{"type":"image","image":{"id":"{{{mediaId}}}"}}"""));

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal([("sent", wamid), ("failed", wamid)], events.Select(e => (e.Status, e.MessageId)));
        Assert.Equal(ProblemsOf("picture.gif", MediaKind.Image), Assert.Single(events[1].Errors).Details);
    }

    [Fact]
    public async Task Messages_without_media_are_sent_delivered_and_read()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var text = await SendAsync(both, Message("text", """{"body":"hi"}"""));
        var textStatuses = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().Select(e => (e.Status, e.MessageId));
        var list = await SendAsync(both, List($"[{Section(null, 3)}]"));
        var listStatuses = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().Select(e => (e.Status, e.MessageId));

        Assert.Equal([("sent", text), ("delivered", text), ("read", text)], textStatuses);
        Assert.Equal([("sent", list), ("delivered", list), ("read", list)], listStatuses);
    }

    [Fact]
    public async Task A_reaction_to_a_recipient_ending_in_0131026_is_sent_then_fails_as_undeliverable()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var wamid = await SendAsync(both, Message("reaction", """{"message_id":"wamid.HBgLMTU1NTAwMDEyMzQVAgARGBI","emoji":"👍"}""", to: "+491510131026"));

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal([("sent", wamid), ("failed", wamid)], events.Select(e => (e.Status, e.MessageId)));
        Assert.Equal(131026, Assert.Single(events[1].Errors).Code);
    }

    /// <summary>What the sandbox reports for a file that breaks the rules: the inspector's problems for that kind, in order.</summary>
    private static string ProblemsOf(string file, MediaKind kind) =>
        string.Join(" ", MediaFileInspector.Inspect(MediaFixtures.PathOf(file), kind).Problems.Select(p => p.Message));

    /// <summary>Sends a message body and returns the wamid of its 200 answer.</summary>
    private static async Task<string> SendAsync(SandboxAndReceiver both, string body)
    {
        using var response = await both.PostAsync("messages", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("messages")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Serves the media fixtures at <c>/NAME</c> on loopback, as a user's test server hosting files would.</summary>
    private static Task<ScriptedServer> StartFileServerAsync() => ScriptedServer.StartAsync(async context =>
    {
        var name = context.Request.Path.Value!.TrimStart('/');
        if (!File.Exists(MediaFixtures.PathOf(name)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(MediaFixtures.Read(name));
    });
}
