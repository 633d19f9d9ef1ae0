using System.Net;
using System.Reflection;
using System.Text;
using MessageGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>A server that is not the API, or answers like no API should: the key stays home and every answer is typed.</summary>
public sealed class HostileServerTests
{
    private const string SecretKey = "SECRET-KEY-0123456789abcdef";

    public static TheoryData<int, bool> Redirects => new()
    {
        { 301, false }, { 302, false }, { 307, false }, { 308, false },
        { 302, true }, { 307, true },
    };

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task A_redirect_to_another_host_is_not_followed_so_neither_key_nor_message_goes_there(int status, bool fromDependencyInjection)
    {
        await using var elsewhere = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.stolen"}]}"""u8.ToArray(), address: "127.0.0.2");
        await using var api = await ScriptedServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "messages").ToString();
            return Task.CompletedTask;
        });
        await using var provider = ClientServices(api.BaseAddress).BuildServiceProvider();
        using var own = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress });
        var client = fromDependencyInjection ? provider.GetRequiredService<WhatsAppClient>() : own;

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("Redirects are not followed", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_callers_HttpClient_that_follows_a_redirect_elsewhere_is_reported_not_taken_as_an_answer()
    {
        await using var elsewhere = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.stolen"}]}"""u8.ToArray(), address: "127.0.0.2");
        await using var api = await ScriptedServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "messages").ToString();
            return Task.CompletedTask;
        });
        using var redirecting = new HttpClient();
        using var client = new WhatsAppClient(redirecting, new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(Messages.Video()));

        Assert.Contains("followed a redirect", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html", "<html><body>401: key " + SecretKey + " is not valid</body></html>")]
    [InlineData("application/json", """{"error":{"message":"Key SECRET-KEY-0123456789abcdef refused","code":0,"error_data":{"details":"you sent SECRET-KEY-0123456789abcdef"},"type":"SECRET-KEY-0123456789abcdef","fbtrace_id":"SECRET-KEY-0123456789abcdef"}}""")]
    [InlineData("application/json", """{"error":"Invalid key SECRET-KEY-0123456789abcdef"}""")]
    [InlineData("application/json", """{"meta":{"httpCode":401,"developerMessage":"SECRET-KEY-0123456789abcdef is unknown","success":false}}""")]
    public async Task A_server_that_echoes_the_key_gets_it_scrubbed_from_exceptions_and_logs(string contentType, string body)
    {
        await using var api = await ScriptedServer.AnsweringAsync(401, Encoding.UTF8.GetBytes(body), contentType);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new WhatsAppClient(
            new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress }, loggers.CreateLogger<WhatsAppClient>());

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(SecretKey, api.Requests.Single().Headers["D360-API-KEY"]);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.ApiMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Details ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.ErrorType ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.TraceId ?? "", StringComparison.Ordinal);
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "RequestRejected");
        Assert.DoesNotContain(SecretKey, logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_state_handed_to_a_provider_holds_the_key_even_at_trace_level()
    {
        await using var api = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.1"}]}"""u8.ToArray());
        var logs = new CapturingLoggerProvider();
        var services = ClientServices(api.BaseAddress).AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<WhatsAppClient>().SendAsync(Messages.Video());

        Assert.Equal(SecretKey, api.Requests.Single().Headers["D360-API-KEY"]);
        Assert.Contains(logs.Entries, entry => entry.EventId.Name == "MessageAccepted");
        Assert.All(logs.Entries, entry => Assert.False(
            ObjectGraph.HoldsText(entry.State, SecretKey), $"The state of log entry '{entry.Category} {entry.EventId}' holds the key."));
    }

    [Fact]
    public async Task An_accepted_message_whose_id_is_not_Unicode_is_still_accepted_and_counted_as_sent()
    {
        await using var api = await ScriptedServer.AnsweringAsync(200, """{"messages":[{"id":"wamid.\udc00","message_status":"\ud800"}]}"""u8.ToArray());
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress });

        var single = await client.SendAsync(Messages.Video());
        var bulk = Assert.Single(await client.SendManyAsync([Messages.Video()]));

        Assert.Equal("wamid.\\udc00", single.MessageId);
        Assert.Equal("\\ud800", single.MessageStatus);
        Assert.True(bulk.Attempted);
        Assert.Equal("wamid.\\udc00", bulk.Result?.MessageId);
    }

    public static TheoryData<byte[]> ErrorsThatAreNotUnicode => new()
    {
        """{"error":{"message":"(#131056) pair \ud800 limit","code":131056}}"""u8.ToArray(),
        Concat("""{"error":{"message":"(#131056) pair """u8, [0xFF, 0xC3], """ limit","code":131056}}"""u8),
    };

    [Theory]
    [MemberData(nameof(ErrorsThatAreNotUnicode))]
    public async Task An_error_whose_text_is_not_Unicode_is_still_a_typed_API_error_with_its_code(byte[] body)
    {
        await using var api = await ScriptedServer.AnsweringAsync(400, body);
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress });

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendAsync(Messages.Video()));

        Assert.Equal(WhatsAppApiErrorShape.Graph, error.Shape);
        Assert.Equal(WhatsAppErrorCodes.PairRateLimit, error.ErrorCode);
        Assert.StartsWith("(#131056) pair ", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_answer_over_one_MiB_is_reported_as_too_large_not_as_a_closed_connection()
    {
        var huge = Encoding.UTF8.GetBytes("{\"messages\":[{\"id\":\"wamid.1\"}],\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        await using var api = await ScriptedServer.AnsweringAsync(200, huge);
        using var client = new WhatsAppClient(new WhatsAppClientOptions { ApiKey = SecretKey, BaseAddress = api.BaseAddress });

        var error = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.SendAsync(Messages.Video()));

        Assert.True(error.MayHaveBeenDelivered);
        Assert.Contains("more than 1 MiB", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("closed", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];

    private static ServiceCollection ClientServices(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient(options =>
        {
            options.ApiKey = SecretKey;
            options.BaseAddress = baseAddress;
        });
        return services;
    }

    /// <summary>Walks an object's fields (what a provider could reach by reflection or serialization) looking for a text.</summary>
    private static class ObjectGraph
    {
        public static bool HoldsText(object? root, string text) => Walk(root, text, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);

        private static bool Walk(object? value, string text, HashSet<object> seen, int depth)
        {
            switch (value)
            {
                case null:
                    return false;
                case string s:
                    return s.Contains(text, StringComparison.Ordinal);
                case Type or Delegate or MemberInfo or Assembly or Pointer:
                    return false;
            }

            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || depth > 12 || (!type.IsValueType && !seen.Add(value)))
            {
                return false;
            }

            if (value is Array array)
            {
                foreach (var item in array)
                {
                    if (Walk(item, text, seen, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike && Walk(field.GetValue(value), text, seen, depth + 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
