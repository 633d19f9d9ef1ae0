using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>A sandbox whose webhook points at a real receiver, both on loopback, with fast retries; and the requests a test sends it.</summary>
internal sealed class SandboxAndReceiver : IAsyncDisposable
{
    private SandboxAndReceiver(SandboxServer sandbox, WebhookReceiverApp receiver)
    {
        Sandbox = sandbox;
        Receiver = receiver;
        Http = Authorized(sandbox);
    }

    public SandboxServer Sandbox { get; }

    public WebhookReceiverApp Receiver { get; }

    /// <summary>A client with the sandbox's key.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts both and configures the webhook over HTTP, as a user would.</summary>
    public static async Task<SandboxAndReceiver> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var receiver = await WebhookReceiverApp.StartAsync();
        var options = new SandboxOptions { WebhookRetryBaseDelay = TimeSpan.FromMilliseconds(20) };
        configure?.Invoke(options);
        var both = new SandboxAndReceiver(await SandboxServer.StartAsync(options), receiver);
        using var configured = await both.PostAsync("v1/configs/webhook", receiver.ConfigJson);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        return both;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) => Http.PostAsync(new Uri(Sandbox.BaseAddress, path), Json(json));

    /// <summary>Sends a video message (<paramref name="video"/> is the <c>video</c> object) and returns the wamid of its 200 answer.</summary>
    public async Task<string> SendVideoAsync(string to, string video = """{"id":"1234"}""")
    {
        using var response = await PostAsync(
            "messages", $$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{to}}","type":"video","video":{{video}}}""");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("messages")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Uploads <paramref name="file"/> with POST /media and returns its media id.</summary>
    public async Task<string> UploadAsync(byte[] file, string mimeType = "video/mp4")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(part, "file", "clip.mp4");
        form.Add(new StringContent("whatsapp"), "messaging_product");
        using var response = await Http.PostAsync(new Uri(Sandbox.BaseAddress, "media"), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The attempts <c>GET /sandbox/webhooks</c> lists, once <paramref name="done"/> holds for them; fails the test when it does not in time.</summary>
    public async Task<JsonElement[]> ListedAttemptsAsync(Func<JsonElement[], bool> done)
    {
        JsonElement[] attempts = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            using var listed = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Sandbox.BaseAddress, "sandbox/webhooks")));
            attempts = [.. listed.RootElement.GetProperty("attempts").EnumerateArray().Select(a => a.Clone())];
            if (done(attempts))
            {
                return attempts;
            }
        }

        Assert.Fail($"GET /sandbox/webhooks did not list the expected attempts in time; it listed {attempts.Length}.");
        return attempts;
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (it was free a moment ago): connections to it are refused.</summary>
    public static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
