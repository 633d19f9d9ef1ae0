using System.Net;
using System.Text.Json;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.SandboxHttp;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>A long-running sandbox keeps a bounded record, whatever its clients send.</summary>
public sealed class SandboxRecordLimitsTests
{
    [Fact]
    public async Task Large_accepted_bodies_stay_within_the_default_byte_cap_the_oldest_dropped_first_and_counted()
    {
        const int sent = 40;
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);

        for (var i = 0; i < sent; i++)
        {
            using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidMessage($"+1555000{i:D4}", 2_000_000)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var retained = sandbox.Requests.Sum(r => (long)r.Body.Length) + sandbox.Messages.Sum(m => (long)m.Body.Length);
        Assert.InRange(retained, 60L * 1024 * 1024, new SandboxOptions().MaxRecordedBodyBytes);
        Assert.Equal($"+1555000{sent - 1:D4}", sandbox.Messages[^1].To);
        Assert.True(sandbox.DroppedMessages > 0);
        Assert.Equal(sent, sandbox.Messages.Count + sandbox.DroppedMessages);
        Assert.Equal(sent, sandbox.Requests.Count + sandbox.DroppedRequests);
        using var listed = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "sandbox/messages")));
        Assert.Equal(sandbox.DroppedMessages, listed.RootElement.GetProperty("dropped_messages").GetInt64());
        Assert.Equal(sandbox.Messages.Count, listed.RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task The_count_cap_drops_the_oldest_records_and_counts_them()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MaxRecorded = 3 });
        using var http = Authorized(sandbox);

        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(ValidMessage($"+1555000{i:D4}", 4)));
        }

        Assert.Equal(["+15550000002", "+15550000003", "+15550000004"], sandbox.Messages.Select(m => m.To));
        Assert.Equal(2, sandbox.DroppedMessages);
        Assert.Equal(3, sandbox.Requests.Count);
        Assert.Equal(2, sandbox.DroppedRequests);
    }

    [Fact]
    public async Task Refused_bodies_are_kept_as_a_short_prefix_only()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = Authorized(sandbox);
        var large = ValidMessage("+15550001234", 1_000_000);
        var schemaBreaking = ValidMessage("not a phone", 1_000_000);

        sandbox.Faults.Enqueue(SandboxFault.ServerError(503));
        using var fault = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(large));
        using var invalid = await http.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(schemaBreaking));

        using var anonymous = new HttpClient();
        using var refused = await anonymous.PostAsync(new Uri(sandbox.BaseAddress, "messages"), Json(large));

        Assert.Equal([503, 400, 401], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal([large.Length, schemaBreaking.Length, null], sandbox.Requests.Select(r => r.BodyLength));
        Assert.Equal(large.AsSpan(0, SandboxRequest.RefusedBodyPrefixLength).ToArray(), sandbox.Requests[0].Body.ToArray());
        Assert.Equal(schemaBreaking.AsSpan(0, SandboxRequest.RefusedBodyPrefixLength).ToArray(), sandbox.Requests[1].Body.ToArray());
        Assert.True(sandbox.Requests[2].Body.IsEmpty);
    }
}
