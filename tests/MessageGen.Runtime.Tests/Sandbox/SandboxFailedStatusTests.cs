using MessageGen.Media;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Webhooks;
using Microsoft.AspNetCore.Http;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>Messages the API accepts and then fails: videos that cannot play and the test recipients.</summary>
[Collection(SandboxDeliveryCollection.Name)]
public sealed class SandboxFailedStatusTests
{
    /// <summary>H.264 High: the inspector rejects it (Android clients cannot play it).</summary>
    private const string Unplayable = "high.mp4";

    /// <summary>H.264 Main without B-frames, AAC, moov first: the inspector accepts it.</summary>
    private const string Playable = "main.mp4";

    [Fact]
    public async Task A_video_sent_by_the_id_of_an_unplayable_upload_is_sent_then_fails_with_131053_and_the_inspectors_reason()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(VideoFixtures.Read(Unplayable));

        var wamid = await both.SendVideoAsync("+4915112345678", $$"""{"id":"{{mediaId}}"}""");

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal(["sent", "failed"], events.Select(e => e.Status));
        Assert.All(events, e => Assert.Equal(wamid, e.MessageId));
        var error = Assert.Single(events[1].Errors);
        Assert.Equal(131053, error.Code);
        Assert.Equal("Media upload error", error.Title);
        Assert.Equal(string.Join(" ", VideoFileInspector.Inspect(VideoFixtures.PathOf(Unplayable)).Problems.Select(p => p.Message)), error.Details);
    }

    [Fact]
    public async Task A_video_sent_by_the_id_of_a_playable_upload_is_read()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        var mediaId = await both.UploadAsync(VideoFixtures.Read(Playable));

        await both.SendVideoAsync("+4915112345678", $$"""{"id":"{{mediaId}}"}""");

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
    }

    [Fact]
    public async Task A_video_linked_on_a_loopback_address_is_fetched_and_fails_with_131053_when_it_cannot_play()
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        await using var files = await StartFileServerAsync();

        var unplayable = await both.SendVideoAsync("+4915112345678", $$"""{"link":"{{new Uri(files.BaseAddress, Unplayable)}}"}""");
        var failed = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        var playable = await both.SendVideoAsync("+4915112345678", $$"""{"link":"{{new Uri(files.BaseAddress, Playable)}}"}""");
        var read = (await both.Receiver.NextEventsAsync(3)).Cast<MessageStatusEvent>().ToArray();

        Assert.Equal([("sent", unplayable), ("failed", unplayable)], failed.Select(e => (e.Status, e.MessageId)));
        Assert.Equal(131053, Assert.Single(failed[1].Errors).Code);
        Assert.Equal([("sent", playable), ("delivered", playable), ("read", playable)], read.Select(e => (e.Status, e.MessageId)));
    }

    [Theory]
    [InlineData("missing.mp4")]
    [InlineData("nothing-listening")]
    public async Task A_link_the_sandbox_cannot_fetch_is_taken_as_playable(string file)
    {
        await using var both = await SandboxAndReceiver.StartAsync();
        await using var files = await StartFileServerAsync();
        var link = file == "nothing-listening" ? $"http://127.0.0.1:{SandboxAndReceiver.UnusedLoopbackPort()}/clip.mp4" : new Uri(files.BaseAddress, file).ToString();

        await both.SendVideoAsync("+4915112345678", $$"""{"link":"{{link}}"}""");

        Assert.Equal(["sent", "delivered", "read"], await both.Receiver.NextStatusesAsync(3));
    }

    [Fact]
    public async Task A_recipient_ending_in_0131026_is_sent_then_fails_as_undeliverable()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var wamid = await both.SendVideoAsync("+491510131026");

        var events = (await both.Receiver.NextEventsAsync(2)).Cast<MessageStatusEvent>().ToArray();
        Assert.Equal(["sent", "failed"], events.Select(e => e.Status));
        Assert.Equal(wamid, events[1].MessageId);
        var error = Assert.Single(events[1].Errors);
        Assert.Equal((131026, "Message undeliverable"), (error.Code, error.Title));
    }

    [Fact]
    public async Task A_recipient_ending_in_0131047_fails_outside_the_window_without_being_sent()
    {
        await using var both = await SandboxAndReceiver.StartAsync();

        var wamid = await both.SendVideoAsync("+491510131047");

        var failed = Assert.IsType<MessageStatusEvent>(Assert.Single(await both.Receiver.NextEventsAsync(1)));
        Assert.Equal(("failed", wamid), (failed.Status, failed.MessageId));
        var error = Assert.Single(failed.Errors);
        Assert.Equal((131047, "Re-engagement message"), (error.Code, error.Title));
        Assert.Contains("24 hours", error.Details, StringComparison.Ordinal);

        // The sequence ends with the failure: once its attempt is on record, nothing else comes.
        var attempt = Assert.Single(await both.ListedAttemptsAsync(listed => listed.Length > 0));
        Assert.Equal(200, attempt.GetProperty("status").GetInt32());
        Assert.Empty(both.Receiver.EventsSoFar());
    }

    /// <summary>Serves the video fixtures at <c>/NAME</c> on loopback, as a user's test server hosting a clip would.</summary>
    private static Task<ScriptedServer> StartFileServerAsync() => ScriptedServer.StartAsync(async context =>
    {
        var name = context.Request.Path.Value!.TrimStart('/');
        if (!File.Exists(VideoFixtures.PathOf(name)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(VideoFixtures.Read(name));
    });
}
