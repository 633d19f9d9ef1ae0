using System.Net.Sockets;
using System.Text;
using MessageGen.Sandbox;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>Requests to a sandbox as a hostile or broken client would send them.</summary>
internal static class SandboxHttp
{
    public static HttpClient Authorized(SandboxServer sandbox)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("D360-API-KEY", sandbox.ApiKey);
        return http;
    }

    public static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    public static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    /// <summary>A valid video message whose media id is <paramref name="idLength"/> digits long: a large body the schema accepts.</summary>
    public static byte[] ValidMessage(string to, int idLength) =>
        Encoding.UTF8.GetBytes($$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"video","video":{"id":"{{{new string('7', idLength)}}}"}}""");

    /// <summary>
    /// Sends the request head and only the first part of a body whose <c>Content-Length</c> promises more, over a raw
    /// socket, and returns the status line of the answer: a server that waits for the whole body never answers.
    /// </summary>
    public static async Task<string> SendHeadWithoutTheWholeBodyAsync(SandboxServer sandbox, string method, string path, string extraHeaders, TimeSpan timeout)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(sandbox.BaseAddress.Host, sandbox.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"{method} {path} HTTP/1.1\r\nHost: {sandbox.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n{extraHeaders}\r\n{{\"to\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await reader.ReadLineAsync(cancel.Token) ?? "";
        }
        catch (OperationCanceledException)
        {
            return "no answer";
        }
    }
}
