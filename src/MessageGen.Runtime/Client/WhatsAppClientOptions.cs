namespace MessageGen;

/// <summary>Settings of a <see cref="WhatsAppClient"/>: the sender number's API key, the API's address, timeouts and retries.</summary>
/// <remarks>
/// 360dialog issues one API key per sender number. To send from several numbers, make one client per number
/// (<see cref="WhatsAppClient.WithApiKey(string)"/> or named clients with
/// <c>services.AddWhatsAppClient(name, ...)</c>); the key is sent per request, never set on a shared <see cref="HttpClient"/>.
/// </remarks>
public sealed class WhatsAppClientOptions
{
    /// <summary>The address of the 360dialog WhatsApp API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://waba-v2.360dialog.io/");

    /// <summary>The sender number's key, sent in the <c>D360-API-KEY</c> header. It never appears in logs, exceptions or <see cref="object.ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's base address; <c>messages</c> and <c>media</c> are resolved against it. Must be <c>https://</c>,
    /// or <c>http://</c> on a loopback host (a local sandbox): a key must never cross a network in clear text.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How long one attempt may take, from sending the request to reading the whole answer. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When and how often failed requests are retried.</summary>
    public WhatsAppRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Holds the API's throughput and pair limits before every send: each <c>SendAsync</c> waits on it first. None by default
    /// (nothing waits; <c>SendManyAsync</c> still paces itself). Share one <see cref="InProcessSendRateLimiter"/> among the
    /// clients of a process, or use <c>AddRedisRateLimits</c> (MessageGen.Redis) to hold the limits across processes.
    /// </summary>
    public ISendRateLimiter? RateLimiter { get; set; }

    /// <summary>Returns the type name and base address only, so that the key cannot leak through logging of the options.</summary>
    public override string ToString() => $"{nameof(WhatsAppClientOptions)} {{ BaseAddress = {BaseAddress} }}";
}

/// <summary>
/// Retry settings. An error status from the API means it did not take the message, so the transient ones
/// (429 or code 130429, 500, 502, 503, 504) are retried, honouring <c>Retry-After</c>; so are connections that
/// could not be made. A request that was sent but got no answer (timeout, dropped connection) may have been
/// delivered and is not retried unless <see cref="RetryWhenOutcomeUnknown"/> is set.
/// </summary>
public sealed class WhatsAppRetryOptions
{
    /// <summary>How many times a failed request is retried (so at most this plus one attempts). Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles with every retry. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed wait between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Spreads computed waits randomly between half and all of their value, so that many clients throttled at once
    /// do not retry in lockstep. Default true. Waits the server asks for with <c>Retry-After</c> are not shortened.
    /// </summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for; when the API asks for more, the error is thrown at once
    /// (with <see cref="WhatsAppApiException.RetryAfter"/> set) instead of blocking the caller. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Also retry when the request was sent but no answer came (timeout, dropped connection). Off by default: the API
    /// has no idempotency key, so such a retry can deliver the message twice.
    /// </summary>
    public bool RetryWhenOutcomeUnknown { get; set; }
}
