using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MessageGen.Redis.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddRedisRateLimits_makes_every_send_wait_on_the_shared_limits()
    {
        await using var redis = await RedisServer.StartAsync();
        var handler = new AcceptingHandler();
        var services = new ServiceCollection();
        services.AddWhatsAppClient(o =>
            {
                o.ApiKey = "secret-key-1";
                o.BaseAddress = new Uri("http://127.0.0.1:9/");
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .AddRedisRateLimits(redis.Configuration, o =>
            {
                o.Limits.MessagesPerSecond = 100;
                o.Limits.PairLimitPeriod = TimeSpan.FromSeconds(1.5);
                o.Limits.PairLimitBurst = 1;
            });
        services.AddWhatsAppClient("other", o => o.ApiKey = "secret-key-2");
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>();
        Assert.IsType<RedisSendRateLimiter>(options.Get(Options.DefaultName).RateLimiter);
        Assert.Null(options.Get("other").RateLimiter);

        var client = provider.GetRequiredService<IWhatsAppClient>();
        var elapsed = Stopwatch.StartNew();
        await client.SendAsync(new RawMessage("4915112345678"));
        await client.SendAsync(new RawMessage("4915112345678"));
        var second = elapsed.Elapsed;

        // The first took the recipient's only place; the second waited a whole period for the next.
        Assert.Equal(2, handler.Requests);
        Assert.True(second >= TimeSpan.FromSeconds(1.4), $"second send to the same recipient at {second}");

        // The key is not written to Redis: the scope is its hash.
        using var connection = await redis.ConnectAsync();
        var keys = connection.GetServer(redis.Configuration).Keys(pattern: "messagegen:limits:*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.DoesNotContain("secret", k));
        Assert.All(keys, k => Assert.DoesNotContain("4915112345678", k));
    }

    [Fact]
    public void AddRedisRateLimits_on_a_named_client_configures_that_client_only()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient("a", o => o.ApiKey = "k").AddRedisRateLimits("127.0.0.1:1");
        services.AddWhatsAppClient("b", o => o.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>();
        Assert.IsType<RedisSendRateLimiter>(options.Get("a").RateLimiter);
        Assert.Null(options.Get("b").RateLimiter);
    }

    [Fact]
    public async Task AddInProcessRateLimits_holds_the_pair_limit_in_this_process()
    {
        var handler = new AcceptingHandler();
        var services = new ServiceCollection();
        services.AddWhatsAppClient(o =>
            {
                o.ApiKey = "k";
                o.BaseAddress = new Uri("http://127.0.0.1:9/");
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .AddInProcessRateLimits(l =>
            {
                l.PairLimitPeriod = TimeSpan.FromSeconds(1);
                l.PairLimitBurst = 1;
            });
        await using var provider = services.BuildServiceProvider();

        var elapsed = Stopwatch.StartNew();
        await provider.GetRequiredService<WhatsAppClient>().SendAsync(new RawMessage("4915112345678"));
        // The same user written with a '+': one pair, as WhatsApp counts it.
        await provider.GetRequiredService<IWhatsAppClient>().SendAsync(new RawMessage("+4915112345678"));

        Assert.Equal(2, handler.Requests);
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {elapsed.Elapsed}");
        Assert.IsType<InProcessSendRateLimiter>(provider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().Get(Options.DefaultName).RateLimiter);
    }

    [Fact]
    public void AddRedisRateLimits_refuses_a_builder_that_is_not_a_WhatsApp_client()
    {
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("plain");
        Assert.Throws<ArgumentException>(() => builder.AddRedisRateLimits("127.0.0.1:1"));
    }

    private sealed class RawMessage(string to) : IWhatsAppMessage
    {
        public IReadOnlyList<ValidationError> Validate() => [];

        public void WriteTo(System.Buffers.IBufferWriter<byte> writer) => System.Buffers.BuffersExtensions.Write(writer, Encoding.UTF8.GetBytes(ToJson()).AsSpan());

        public string ToJson() => $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"text","text":{"body":"hi"}}""";
    }

    private sealed class AcceptingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$"""{"contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"wamid.{{n}}","message_status":"accepted"}],"messaging_product":"whatsapp"}""",
                    Encoding.UTF8, "application/json"),
            });
        }
    }
}
