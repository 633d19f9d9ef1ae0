using System.Text.Json;
using MessageGen.Media;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

public sealed class SendVideoTests
{
    [Fact]
    public async Task Checks_uploads_and_sends_a_compatible_video_by_its_media_id()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var result = await client.SendVideoAsync("+15550001234", VideoFixtures.PathOf("main.mp4"), "Our new clip");

        var media = Assert.Single(sandbox.Media);
        Assert.Equal("main.mp4", media.FileName);
        Assert.Equal("video/mp4", media.MimeType);
        Assert.Equal(new FileInfo(VideoFixtures.PathOf("main.mp4")).Length, media.Length);
        var message = Assert.Single(sandbox.Messages);
        Assert.Equal(message.Id, result.MessageId);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(media.Id, body.RootElement.GetProperty("video").GetProperty("id").GetString());
        Assert.Equal("Our new clip", body.RootElement.GetProperty("video").GetProperty("caption").GetString());
    }

    [Fact]
    public async Task An_incompatible_video_is_refused_with_its_problems_and_nothing_is_uploaded()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<IncompatibleVideoException>(() => client.SendVideoAsync("+15550001234", VideoFixtures.PathOf("high.mp4")));

        Assert.NotEmpty(error.Report.Problems);
        Assert.All(error.Report.Problems, problem => Assert.Contains(problem.Code, error.Message, StringComparison.Ordinal));
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task The_check_can_be_skipped()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        await client.SendVideoAsync("+15550001234", VideoFixtures.PathOf("high.mp4"), options: new VideoUploadOptions { SkipCompatibilityCheck = true });

        Assert.Single(sandbox.Media);
        Assert.Single(sandbox.Messages);
    }

    [Fact]
    public async Task A_3gp_video_is_uploaded_with_its_own_media_type()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        await using var file = File.OpenRead(VideoFixtures.PathOf("main.3gp"));

        var mediaId = await client.UploadVideoAsync(file, "main.3gp");

        Assert.Equal("video/3gpp", Assert.Single(sandbox.Media, m => m.Id == mediaId).MimeType);
    }

    [Fact]
    public async Task A_bad_recipient_is_refused_before_the_upload()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<MessageValidationException>(() => client.SendVideoAsync("nobody", VideoFixtures.PathOf("main.mp4")));

        Assert.Contains(error.Errors, e => e.Path == "$.to");
        Assert.Empty(sandbox.Requests);
    }

    [UnixFact]
    public async Task A_fifo_no_process_writes_to_never_blocks_the_send_and_nothing_is_uploaded()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        using var directory = new SpecialFileDirectory();
        var fifo = directory.MakeFifo();

        var send = client.SendVideoAsync("+15550001234", fifo);

        Assert.Same(send, await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(10))));
        await Assert.ThrowsAsync<IncompatibleVideoException>(() => send);
        Assert.Empty(sandbox.Requests);
    }

    [UnixFact]
    public async Task A_video_from_a_pipe_is_checked_uploaded_whole_and_sent()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        using var cat = new CatProcess(VideoFixtures.PathOf("main.mp4"));

        var result = await client.SendVideoAsync("+15550001234", cat.PipePath);

        Assert.Equal(new FileInfo(VideoFixtures.PathOf("main.mp4")).Length, Assert.Single(sandbox.Media).Length);
        Assert.Equal(Assert.Single(sandbox.Messages).Id, result.MessageId);
    }

    [Fact]
    public async Task A_missing_file_is_named_and_nothing_is_uploaded()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => client.SendVideoAsync("+15550001234", "/nonexistent/clip.mp4"));

        Assert.Contains("/nonexistent/clip.mp4", error.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Requests);
    }
}
