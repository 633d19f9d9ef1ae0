using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen media download</c> against a real server that answers as the API does.</summary>
public sealed class MediaCommandTests : IDisposable
{
    private readonly byte[] _bytes = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
    private readonly string _directory = Directory.CreateTempSubdirectory("mg-cli-media-").FullName;

    [Fact]
    public async Task Downloads_checks_and_prints_the_file()
    {
        await using var api = await StartApiAsync(Convert.ToHexString(SHA256.HashData(_bytes)));
        var path = Path.Combine(_directory, "photo.jpg");

        var run = await CliRun.RunAsync(["media", "download", "4711", "--output", path, "--base-url", api.Address, "--api-key", "cli-key"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(_bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal($"{path} 10000 bytes image/jpeg sha256 {Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant()}", run.Output.Trim());
    }

    [Fact]
    public async Task A_damaged_download_exits_1_and_writes_no_file()
    {
        await using var api = await StartApiAsync(Convert.ToHexString(SHA256.HashData([0])));
        var path = Path.Combine(_directory, "photo.jpg");

        var run = await CliRun.RunAsync(["media", "download", "4711", "-o", path, "--base-url", api.Address], new Dictionary<string, string> { ["D360_API_KEY"] = "cli-key" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SHA-256", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Without_a_key_it_exits_2()
    {
        var run = await CliRun.RunAsync(["media", "download", "4711", "-o", Path.Combine(_directory, "x")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No API key", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<Api> StartApiAsync(string sha256)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/4711", () => Results.Json(new Dictionary<string, object>
        {
            ["url"] = "https://cdn.example.com/attachments/?mid=4711",
            ["mime_type"] = "image/jpeg",
            ["sha256"] = sha256,
            ["file_size"] = _bytes.Length,
            ["id"] = "4711",
        }));
        app.MapGet("/attachments/", (HttpContext context) => context.Request.Headers["D360-API-KEY"] == "cli-key" && context.Request.Query["mid"] == "4711"
            ? Results.Bytes(_bytes, "image/jpeg")
            : Results.StatusCode(401));
        await app.StartAsync();
        return new Api(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    private sealed record Api(WebApplication App, string Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
