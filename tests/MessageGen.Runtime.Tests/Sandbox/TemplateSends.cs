using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>The templates fixture and template sends for it, as a user's code would post them.</summary>
internal static class TemplateSends
{
    public static string FixturePath { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "templates", "sandbox-templates.json");

    /// <summary>A sandbox that serves the fixture.</summary>
    public static Task<SandboxServer> StartAsync() => SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = FixturePath });

    /// <summary>A template send: <paramref name="components"/> is the JSON of the <c>components</c> array, or null for none.</summary>
    public static string Body(string name, string language, string? components, string to = "+4915112345678")
    {
        var componentsMember = components is null ? "" : ",\"components\":" + components;
        return $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"template","template":{"name":"{{{name}}}","language":{"code":"{{{language}}}"}{{{componentsMember}}}}}""";
    }

    public const string VideoHeader = """{"type":"header","parameters":[{"type":"video","video":{"link":"https://example.com/packing.mp4"}}]}""";

    public const string ShippedBody = """{"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"text","text":"A-1042"}]}""";

    public const string TrackButton = """{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"A-1042"}]}""";

    /// <summary>A send of <c>order_shipped</c> that matches its template in <paramref name="language"/>.</summary>
    public static string OrderShipped(string language = "en_US", string to = "+4915112345678") =>
        Body("order_shipped", language, $"[{VideoHeader},{ShippedBody},{TrackButton}]", to);

    /// <summary>Posts <paramref name="body"/> to <c>/messages</c> and returns the status and the parsed answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Answer)> SendAsync(SandboxServer sandbox, string body)
    {
        using var http = Authorized(sandbox);
        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(body));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, answer.RootElement.Clone());
    }

    /// <summary>Asserts a 400 in the Graph shape with <paramref name="code"/>, and returns its details.</summary>
    public static string AssertGraphError((HttpStatusCode Status, JsonElement Answer) answer, int code)
    {
        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.Answer.ToString());
        var error = answer.Answer.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.StartsWith($"(#{code}) ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.Equal("whatsapp", error.GetProperty("error_data").GetProperty("messaging_product").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        return error.GetProperty("error_data").GetProperty("details").GetString()!;
    }
}
