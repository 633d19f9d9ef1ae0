using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary><c>GET /v1/configs/templates</c>, served from the templates file with the API's paging.</summary>
public sealed class SandboxTemplatesListTests
{
    [Fact]
    public async Task Serves_every_template_of_the_file_in_the_APIs_shape()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var fixture = JsonDocument.Parse(await File.ReadAllBytesAsync(TemplateSends.FixturePath));

        using var answer = await GetAsync(sandbox, "v1/configs/templates");

        var root = answer.RootElement;
        var expected = fixture.RootElement.GetProperty("waba_templates");
        Assert.Equal(expected.GetArrayLength(), root.GetProperty("count").GetInt32());
        Assert.Equal(expected.GetArrayLength(), root.GetProperty("total").GetInt32());
        Assert.Equal(1000, root.GetProperty("limit").GetInt32());
        Assert.Equal(0, root.GetProperty("offset").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("filters").ValueKind);
        Assert.Equal("id", Assert.Single(root.GetProperty("sort").EnumerateArray()).GetString());
        Assert.Equal(
            expected.EnumerateArray().Select(t => t.GetRawText()).Select(Compact),
            root.GetProperty("waba_templates").EnumerateArray().Select(t => t.GetRawText()).Select(Compact));
        Assert.Equal(11, sandbox.TemplateCount);
        Assert.Equal(7, sandbox.ApprovedTemplateCount);
    }

    [Fact]
    public async Task Pages_with_limit_and_offset_and_total_tells_how_many()
    {
        await using var sandbox = await TemplateSends.StartAsync();

        using var first = await GetAsync(sandbox, "v1/configs/templates?limit=4&offset=0");
        using var last = await GetAsync(sandbox, "v1/configs/templates?limit=4&offset=8");
        using var beyond = await GetAsync(sandbox, "v1/configs/templates?limit=4&offset=20");

        Assert.Equal(["1001", "1002", "1003", "1004"], Ids(first));
        Assert.Equal(4, first.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(4, first.RootElement.GetProperty("limit").GetInt32());
        Assert.Equal(["1009", "1010", "1011"], Ids(last));
        Assert.Equal(3, last.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(8, last.RootElement.GetProperty("offset").GetInt32());
        Assert.Empty(Ids(beyond));
        Assert.All(new[] { first, last, beyond }, page => Assert.Equal(11, page.RootElement.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Without_a_file_the_list_is_empty()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var answer = await GetAsync(sandbox, "v1/configs/templates");

        Assert.Equal(0, answer.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, answer.RootElement.GetProperty("count").GetInt32());
        Assert.Empty(Ids(answer));
    }

    [Theory]
    [InlineData("limit=-1")]
    [InlineData("offset=x")]
    [InlineData("limit=1&limit=2")]
    public async Task A_paging_parameter_that_is_not_a_whole_number_is_code_100(string query)
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var http = Authorized(sandbox);

        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, "v1/configs/templates?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(100, answer.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Without_the_key_it_is_401()
    {
        await using var sandbox = await TemplateSends.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, "v1/configs/templates"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonDocument> GetAsync(SandboxServer sandbox, string path)
    {
        using var http = Authorized(sandbox);
        using var response = await http.GetAsync(new Uri(sandbox.BaseAddress, path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    private static string[] Ids(JsonDocument page) =>
        [.. page.RootElement.GetProperty("waba_templates").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
