using System.Text.Json;
using MessageGen.Runtime.Tests.Sandbox;
using MessageGen.Runtime.Tests.Support;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Client;

/// <summary><see cref="WhatsAppClient.GetTemplatesAsync"/> against a sandbox over HTTP: every page, one answer in the API's shape.</summary>
public sealed class GetTemplatesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mg-client-templates-").FullName;

    [Fact]
    public async Task Reads_every_template_with_its_status()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var client = SandboxClient.Create(sandbox);

        var templates = await client.GetTemplatesAsync();

        Assert.Equal(11, templates.Templates.Count);
        Assert.Equal(7, templates.ApprovedCount);
        var shipped = templates.Templates[1];
        Assert.Equal(("order_shipped", "de_DE", "approved", "UTILITY", "1002"), (shipped.Name, shipped.Language, shipped.Status, shipped.Category, shipped.Id));
        Assert.True(shipped.IsApproved);
        Assert.Contains("\"format\":\"VIDEO\"", shipped.RawJson, StringComparison.Ordinal);
        Assert.Equal(["pending", "rejected", "paused"], templates.Templates.Where(t => !t.IsApproved && t.Language == "en_US").Select(t => t.Status));
    }

    [Fact]
    public async Task Reads_page_after_page_until_total_and_merges_them_into_one_answer()
    {
        var path = await WriteTemplatesAsync(450);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = path });
        using var client = SandboxClient.Create(sandbox);

        var templates = await client.GetTemplatesAsync();

        Assert.Equal(Enumerable.Range(0, 450).Select(i => $"t{i}"), templates.Templates.Select(t => t.Name));
        var pages = sandbox.Requests.Where(r => r.Path == "/v1/configs/templates").ToList();
        Assert.Equal(5, pages.Count);
        using var merged = JsonDocument.Parse(templates.ToJson());
        Assert.Equal(450, merged.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(450, merged.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, merged.RootElement.GetProperty("offset").GetInt32());
        Assert.Equal(450, merged.RootElement.GetProperty("waba_templates").GetArrayLength());
    }

    [Fact]
    public async Task The_merged_answer_is_served_back_as_it_was_by_a_sandbox_started_with_it()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var client = SandboxClient.Create(sandbox);
        var path = Path.Combine(_directory, "pulled.json");
        await File.WriteAllTextAsync(path, (await client.GetTemplatesAsync()).ToJson(indented: true));

        await using var again = await SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = path });
        using var againClient = SandboxClient.Create(again);
        var templates = await againClient.GetTemplatesAsync();

        Assert.Equal(
            (await client.GetTemplatesAsync()).Templates.Select(t => t.RawJson),
            templates.Templates.Select(t => t.RawJson));
    }

    [Fact]
    public async Task A_refused_key_is_the_APIs_authentication_error()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var client = SandboxClient.Create(sandbox, options => options.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.GetTemplatesAsync());

        Assert.True(error.IsAuthenticationFailure);
        Assert.DoesNotContain("wrong-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_error_is_retried()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.ServerError(503).ForPath("/v1/configs/templates"));
        using var client = SandboxClient.Create(sandbox);

        var templates = await client.GetTemplatesAsync();

        Assert.Equal(11, templates.Templates.Count);
    }

    [Fact]
    public async Task A_success_that_is_not_a_templates_list_is_a_transport_error()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.Answer(200, """{"data":[]}""").ForPath("/v1/configs/templates"));
        using var client = SandboxClient.Create(sandbox);

        var error = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.GetTemplatesAsync());

        Assert.Contains("waba_templates", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteTemplatesAsync(int count)
    {
        var templates = Enumerable.Range(0, count).Select(i =>
            $$"""{"category":"UTILITY","components":[{"type":"BODY","text":"Hello {{1}}"}],"id":"{{i}}","language":"en_US","name":"t{{i}}","namespace":"ns","rejected_reason":"NONE","status":"approved"}""");
        var path = Path.Combine(_directory, "many.json");
        await File.WriteAllTextAsync(path, $"{{\"waba_templates\":[{string.Join(",", templates)}]}}");
        return path;
    }
}
