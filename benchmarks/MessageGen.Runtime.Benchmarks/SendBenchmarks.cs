using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using MessageGen.Runtime.Benchmarks.Schema;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Benchmarks;

/// <summary>
/// One send against the sandbox on loopback: <see cref="WhatsAppClient.SendAsync"/> (validate, serialize, send, read the
/// answer) against the floor, a bare <see cref="HttpClient.PostAsync(Uri, HttpContent)"/> of the same pre-serialized bytes.
/// The sandbox runs in this process, so both rows include its work and allocations; the difference is the client's cost.
/// </summary>
[MemoryDiagnoser]
public class SendBenchmarks
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private SandboxServer _sandbox = null!;
    private WhatsAppClient _client = null!;
    private HttpClient _bare = null!;
    private VideoMessage _message = null!;
    private byte[] _body = null!;
    private Uri _messagesUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The sandbox keeps a short record only, so its memory stays flat however long the run.
        _sandbox = SandboxServer.StartAsync(new SandboxOptions { MaxRecorded = 16 }).GetAwaiter().GetResult();
        _client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = _sandbox.ApiKey, BaseAddress = _sandbox.BaseAddress });
        _bare = new HttpClient(new SocketsHttpHandler());
        _bare.DefaultRequestHeaders.Add("D360-API-KEY", _sandbox.ApiKey);
        _message = VideoMessage.Builder()
            .WithTo("+4915112345678")
            .WithVideo(video => video.WithLink("https://cdn.example.com/videos/launch.mp4").WithCaption("Our launch video"))
            .Build();
        _body = System.Text.Encoding.UTF8.GetBytes(_message.ToJson());
        _messagesUri = new Uri(_sandbox.BaseAddress, "messages");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _bare.Dispose();
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "HttpClient.PostAsync (pre-serialized bytes)")]
    public async Task<HttpStatusCode> BareHttpClient()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = s_json;
        using var response = await _bare.PostAsync(_messagesUri, content).ConfigureAwait(false);
        return response.StatusCode;
    }

    [Benchmark(Description = "WhatsAppClient.SendAsync")]
    public async Task<string> WhatsAppClientSend()
    {
        var result = await _client.SendAsync(_message).ConfigureAwait(false);
        return result.MessageId;
    }
}
