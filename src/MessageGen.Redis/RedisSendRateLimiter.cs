using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace MessageGen.Redis;

/// <summary>
/// Holds the throughput and pair limits across every process that uses the same Redis. Each send runs one atomic Lua
/// script that checks both limits (a GCRA per key: one "theoretical arrival time" each) on Redis's own clock
/// (<c>TIME</c>), so the machines' clocks do not matter, and takes a place in both or in neither.
/// </summary>
/// <remarks>
/// While Redis is unreachable, sends wait (retrying with backoff, one warning logged per outage) and never go past a
/// limit unchecked; after <see cref="RedisSendRateLimiterOptions.UnavailableTimeout"/> a send fails with
/// <see cref="RateLimiterUnavailableException"/>. Keys: <c>{prefix}{scope}:n</c> for the number and
/// <c>{prefix}{scope}:p:{hash of recipient}</c> per recipient (the scope in braces, a cluster hash tag); they expire
/// when their bucket is full again.
/// </remarks>
public sealed partial class RedisSendRateLimiter : ISendRateLimiter
{
    // KEYS[1] number, KEYS[2] pair; ARGV interval and limit (µs) of each (pair interval 0 = no pair limit), then the
    // longest wait (µs) a place may be reserved for. Returns 0 when both limits had room (both taken); -w when both places
    // were reserved w µs ahead (taken: the caller sends after w); w when the wait is longer than that (nothing taken).
    // Reserving, rather than telling every waiter to come back, gives each message one call however many wait at once.
    internal const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local tat = tonumber(redis.call('GET', KEYS[1]))
        if tat == nil or tat < now then tat = now end
        local wait = tat + interval - tonumber(ARGV[2]) - now
        local pairInterval = tonumber(ARGV[3])
        local ptat = 0
        if pairInterval > 0 then
          ptat = tonumber(redis.call('GET', KEYS[2]))
          if ptat == nil or ptat < now then ptat = now end
          local pwait = ptat + pairInterval - tonumber(ARGV[4]) - now
          if pwait > wait then wait = pwait end
        end
        if wait > tonumber(ARGV[5]) then return math.ceil(wait) end
        if wait < 0 then wait = 0 end
        local at = now + wait
        local arrival = math.max(tat, at) + interval
        redis.call('SET', KEYS[1], string.format('%d', arrival), 'PX', math.ceil((arrival - now) / 1000) + 1)
        if pairInterval > 0 then
          local pairArrival = math.max(ptat, at) + pairInterval
          redis.call('SET', KEYS[2], string.format('%d', pairArrival), 'PX', math.ceil((pairArrival - now) / 1000) + 1)
        end
        return -math.ceil(wait)
        """;

    /// <summary>The longest a message's place is reserved ahead; a longer wait (a recipient's pair limit) is waited out first.</summary>
    private static readonly long MaxReservationMicroseconds = (long)TimeSpan.FromSeconds(1).TotalMicroseconds;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly Func<CancellationToken, Task<IConnectionMultiplexer>> _connect;
    private readonly RedisValue[] _arguments;
    private readonly bool _pairLimit;
    private readonly string _keyPrefix;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _unavailableTimeout;
    private readonly ILogger _logger;
    private int _unreachable;

    /// <summary>Creates a limiter over <paramref name="connection"/>, which it does not dispose.</summary>
    /// <param name="connection">The Redis every process sharing the limits uses. Connect it with <c>AbortOnConnectFail = false</c>.</param>
    /// <param name="options">The limits and retry settings; the defaults when null.</param>
    /// <param name="logger">Where the outage warnings go; nowhere when null.</param>
    public RedisSendRateLimiter(IConnectionMultiplexer connection, RedisSendRateLimiterOptions? options = null, ILogger<RedisSendRateLimiter>? logger = null)
        : this(_ => Task.FromResult(connection ?? throw new ArgumentNullException(nameof(connection))), options, logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
    }

    internal RedisSendRateLimiter(Func<CancellationToken, Task<IConnectionMultiplexer>> connect, RedisSendRateLimiterOptions? options, ILogger? logger)
    {
        options ??= new RedisSendRateLimiterOptions();
        var (interval, limit, pairInterval, pairLimit) = (options.Limits ?? new SendRateLimitOptions()).ToGcra();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxRetryDelay, TimeSpan.Zero, nameof(options.MaxRetryDelay));
        if (options.UnavailableTimeout <= TimeSpan.Zero && options.UnavailableTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.UnavailableTimeout, "UnavailableTimeout must be positive or infinite.");
        }

        _connect = connect;
        _arguments = [interval, limit, pairInterval, pairLimit, MaxReservationMicroseconds];
        _pairLimit = pairInterval > 0;
        _keyPrefix = options.KeyPrefix ?? string.Empty;
        _maxRetryDelay = options.MaxRetryDelay;
        _unavailableTimeout = options.UnavailableTimeout;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public ValueTask WaitAsync(string scope, string recipient, CancellationToken cancellationToken = default) =>
        this.ReserveAndWaitAsync(scope, recipient, TimeProvider.System, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<TimeSpan> ReserveAsync(string scope, string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recipient);
        var numberKey = $"{_keyPrefix}{{{scope}}}:n";
        RedisKey[] keys = [numberKey, _pairLimit ? $"{_keyPrefix}{{{scope}}}:p:{Hash(recipient)}" : numberKey];
        var retryDelay = FirstRetryDelay;
        long? unreachableSince = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long wait;
            try
            {
                var connection = await _connect(cancellationToken).ConfigureAwait(false);
                if (!connection.IsConnected)
                {
                    // Rather than queue in the connection's backlog unseen: the outage is logged and waited out here.
                    throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection to Redis.");
                }

                var result = await connection.GetDatabase().ScriptEvaluateAsync(Script, keys, _arguments).WaitAsync(cancellationToken).ConfigureAwait(false);
                wait = (long)result;
            }
            catch (Exception e) when (IsOutage(e))
            {
                unreachableSince ??= Stopwatch.GetTimestamp();
                if (Interlocked.Exchange(ref _unreachable, 1) == 0)
                {
                    LogUnreachable(_logger, e.GetType().Name);
                }

                if (_unavailableTimeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(unreachableSince.Value) >= _unavailableTimeout)
                {
                    throw new RateLimiterUnavailableException(
                        $"Redis, which holds the shared sending limits, stayed unreachable for {_unavailableTimeout}; the message was not sent.", e);
                }

                var jittered = TimeSpan.FromTicks(retryDelay.Ticks / 2 + Random.Shared.NextInt64(retryDelay.Ticks / 2 + 1));
                await Task.Delay(jittered, cancellationToken).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _maxRetryDelay.Ticks));
                continue;
            }

            if (Interlocked.Exchange(ref _unreachable, 0) == 1)
            {
                LogReachableAgain(_logger);
            }

            if (wait <= 0)
            {
                // Taken now (0), or reserved -wait µs ahead.
                return TimeSpan.FromTicks(-wait * 10);
            }

            // Come back when the wait is within the reservation window.
            await Task.Delay(TimeSpan.FromTicks((wait - MaxReservationMicroseconds + 1) * 10), cancellationToken).ConfigureAwait(false);
            retryDelay = FirstRetryDelay;
            unreachableSince = null;
        }
    }

    private static bool IsOutage(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        // A restarting server, or a replica promoted during failover.
        RedisServerException s => s.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || s.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || s.Message.StartsWith("READONLY", StringComparison.Ordinal)
            || s.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Recipients' numbers are not written to Redis as they are.</summary>
    private static string Hash(string recipient)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(recipient), hash);
        return Convert.ToHexString(hash[..12]);
    }

    [LoggerMessage(EventId = 1, EventName = "RateLimitStoreUnreachable", Level = LogLevel.Warning,
        Message = "Redis holding the shared sending limits is unreachable ({ErrorType}); sends wait until it is back.")]
    private static partial void LogUnreachable(ILogger logger, string errorType);

    [LoggerMessage(EventId = 2, EventName = "RateLimitStoreReachable", Level = LogLevel.Information,
        Message = "Redis holding the shared sending limits is reachable again; sends go on.")]
    private static partial void LogReachableAgain(ILogger logger);
}
