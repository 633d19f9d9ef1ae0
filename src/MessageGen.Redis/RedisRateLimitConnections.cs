using System.Collections.Concurrent;
using StackExchange.Redis;

namespace MessageGen.Redis;

/// <summary>One connection per Redis configuration string for all the clients of a container; disposed with it.</summary>
internal sealed class RedisRateLimitConnections : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectionMultiplexer>>> _connections = new(StringComparer.Ordinal);

    public Task<IConnectionMultiplexer> GetAsync(string configuration) =>
        _connections.GetOrAdd(configuration, c => new Lazy<Task<IConnectionMultiplexer>>(() => ConnectAsync(c))).Value;

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start even while Redis is down: sends wait for it rather than the application failing to start.
        options.AbortOnConnectFail = false;
        // While disconnected, fail at once: the limiter waits and retries itself, and logs the outage.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            {
                connection.Value.Result.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            {
                await connection.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
