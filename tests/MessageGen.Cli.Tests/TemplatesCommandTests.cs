using System.Net;
using System.Text;
using System.Text.Json;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen templates pull</c> and <c>messagegen sandbox --templates</c>, against a real sandbox over HTTP.</summary>
public sealed class TemplatesCommandTests : IDisposable
{
    private const string Key = "cli-templates-key";

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "templates", "sandbox-templates.json");

    private readonly string _directory = Directory.CreateTempSubdirectory("mg-cli-templates-").FullName;

    [Fact]
    public async Task Pull_from_a_sandbox_started_with_the_fixture_saves_the_same_templates_in_the_APIs_shape()
    {
        await using var sandbox = await CliSandbox.StartAsync("--templates", Fixture);
        var path = Path.Combine(_directory, "whatsapp-templates.json");

        var run = await CliRun.RunAsync(["templates", "pull", "--base-url", sandbox.Address.ToString(), "--api-key", Key, "--output", path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Saved 11 templates (7 approved) to {path}", run.Output.Trim());
        Assert.Contains("Templates: 11 (7 approved) from " + Fixture, sandbox.Output.Text, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(path);
        using var saved = JsonDocument.Parse(text);
        using var fixture = JsonDocument.Parse(await File.ReadAllBytesAsync(Fixture));
        Assert.Equal(Templates(fixture), Templates(saved));
        Assert.Equal(11, saved.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(11, saved.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, saved.RootElement.GetProperty("offset").GetInt32());

        // Indented, with text as written (not \u escapes), so that a committed file diffs well.
        Assert.Contains("\n  \"waba_templates\": [\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Répondez", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_takes_the_key_from_D360_API_KEY_and_replaces_the_file_leaving_no_temporary_file()
    {
        await using var sandbox = await CliSandbox.StartAsync("--templates", Fixture);
        var path = Path.Combine(_directory, "whatsapp-templates.json");
        await File.WriteAllTextAsync(path, "old");

        var run = await CliRun.RunAsync(
            ["templates", "pull", "--base-url", sandbox.Address.ToString(), "-o", path], new Dictionary<string, string> { ["D360_API_KEY"] = Key });

        Assert.True(run.ExitCode == 0, run.ToString());
        using var saved = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        Assert.Equal(11, saved.RootElement.GetProperty("waba_templates").GetArrayLength());
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Pull_from_a_sandbox_without_templates_saves_an_empty_list()
    {
        await using var sandbox = await CliSandbox.StartAsync();
        var path = Path.Combine(_directory, "whatsapp-templates.json");

        var run = await CliRun.RunAsync(["templates", "pull", "--base-url", sandbox.Address.ToString(), "--api-key", Key, "-o", path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Saved 0 templates (0 approved)", run.Output, StringComparison.Ordinal);
        using var saved = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        Assert.Equal(0, saved.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_refused_key_exits_1_with_the_APIs_error_and_writes_nothing()
    {
        await using var sandbox = await CliSandbox.StartAsync("--templates", Fixture);
        var path = Path.Combine(_directory, "whatsapp-templates.json");

        var run = await CliRun.RunAsync(["templates", "pull", "--base-url", sandbox.Address.ToString(), "--api-key", "wrong-key", "-o", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task No_answer_exits_1_and_writes_nothing()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await CliRun.RunAsync(["templates", "pull", "--base-url", $"http://127.0.0.1:{port}/", "--api-key", Key, "-o", Path.Combine(_directory, "t.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GET /v1/configs/templates", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Without_a_key_it_exits_2()
    {
        var run = await CliRun.RunAsync(["templates", "pull", "-o", Path.Combine(_directory, "t.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No API key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_answers_a_template_send_as_its_templates_file_says()
    {
        await using var sandbox = await CliSandbox.StartAsync("--templates", Fixture);

        var pending = await sandbox.PostAsync("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"spring_sale","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"20%"}]}]}}""");
        var missingParameter = await sandbox.PostAsync("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"invoice_ready","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"document","document":{"link":"https://example.com/i.pdf"}}]},{"type":"body","parameters":[{"type":"text","text":"INV-1"}]}]}}""");

        Assert.Equal((HttpStatusCode.BadRequest, 132001), pending);
        Assert.Equal((HttpStatusCode.BadRequest, 132000), missingParameter);
    }

    [Theory]
    [InlineData("{\"waba_templates\":{}}", "\"waba_templates\" array")]
    [InlineData("{\"waba_templates\":[{\"name\":\"a\",\"language\":\"en_US\",\"status\":\"approved\",\"components\":[{\"type\":\"HEADER\"}]}]}", "$.waba_templates[0].components[0]: \"format\"")]
    public async Task A_malformed_templates_file_exits_2_naming_the_file_and_the_problem(string content, string problem)
    {
        var path = Path.Combine(_directory, "broken-templates.json");
        await File.WriteAllTextAsync(path, content);

        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--templates", path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_templates_file_exits_2()
    {
        var path = Path.Combine(_directory, "missing.json");

        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--templates", path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_without_a_value_exits_2()
    {
        var run = await CliRun.RunAsync(["sandbox", "--port", "0", "--templates"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--templates", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Templates(JsonDocument answer) =>
        [.. answer.RootElement.GetProperty("waba_templates").EnumerateArray().Select(t => JsonSerializer.Serialize(t))];

    /// <summary>A <c>messagegen sandbox</c> running in-process until disposed, once it has printed its start lines.</summary>
    private sealed class CliSandbox : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
        private Task<int> _running = Task.FromResult(0);

        public SharedWriter Output { get; } = new();

        public Uri Address { get; private set; } = null!;

        public static async Task<CliSandbox> StartAsync(params string[] options)
        {
            var sandbox = new CliSandbox();
            var error = new SharedWriter();
            sandbox._running = MessageGenCommand.RunAsync(["sandbox", "--port", "0", "--api-key", Key, .. options], CliRun.Console(sandbox.Output, error), sandbox._stop.Token);
            const string marker = "Sandbox listening on ";
            for (var deadline = DateTime.UtcNow.AddSeconds(20); !sandbox.Output.Text.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal); await Task.Delay(20))
            {
                Assert.False(sandbox._running.IsCompleted, $"the sandbox stopped early: {error.Text}");
                Assert.True(DateTime.UtcNow < deadline, "The sandbox did not finish starting.");
            }

            var text = sandbox.Output.Text;
            var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            sandbox.Address = new Uri(text[start..text.IndexOf('\n', start)].Trim());
            sandbox._http.DefaultRequestHeaders.Add("D360-API-KEY", Key);
            return sandbox;
        }

        public async Task<(HttpStatusCode Status, int? Code)> PostAsync(string json)
        {
            using var body = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri(Address, "messages"), body);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            int? code = answer.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : null;
            return (response.StatusCode, code);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _running.WaitAsync(TimeSpan.FromSeconds(20)));
            _http.Dispose();
            _stop.Dispose();
        }
    }
}
