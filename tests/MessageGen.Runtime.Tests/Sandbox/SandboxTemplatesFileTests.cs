using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>A templates file the sandbox cannot use stops its start, saying which file and what is wrong in it.</summary>
public sealed class SandboxTemplatesFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mg-sandbox-templates-").FullName;

    [Theory]
    [InlineData("{\"waba_templates\":[", "not JSON")]
    [InlineData("[]", "\"waba_templates\" array")]
    [InlineData("{\"data\":[]}", "\"waba_templates\" array")]
    [InlineData("""{"waba_templates":[{"language":"en_US","status":"approved","components":[]}]}""", "$.waba_templates[0]: \"name\"")]
    [InlineData("""{"waba_templates":[{"name":"a","status":"approved","components":[]}]}""", "\"language\"")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved"}]}""", "\"components\"")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"GIF"}]}]}""", "$.waba_templates[0].components[0]: a HEADER's \"format\"")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"TEXT","text":"{{1}} {{2}}"}]}]}""", "at most one variable")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved","components":[{"type":"BODY"}]}]}""", "\"text\"")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved","components":[{"type":"BODY","text":"Hi {{first_name}}"}]}]}""", "parameter_format is not NAMED")]
    [InlineData("""{"waba_templates":[{"name":"a","language":"en_US","status":"approved","components":[{"type":"BUTTONS","buttons":[{"type":"URL"}]}]}]}""", "buttons[0]: \"url\"")]
    public async Task A_malformed_file_stops_the_start_with_the_file_and_what_is_wrong(string content, string problem)
    {
        var path = Path.Combine(_directory, "templates.json");
        await File.WriteAllTextAsync(path, content);

        var error = await Assert.ThrowsAsync<SandboxTemplatesFileException>(() => SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = path }));

        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_stops_the_start_too()
    {
        var path = Path.Combine(_directory, "missing.json");

        var error = await Assert.ThrowsAsync<SandboxTemplatesFileException>(() => SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = path }));

        Assert.Contains("cannot be read", error.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
