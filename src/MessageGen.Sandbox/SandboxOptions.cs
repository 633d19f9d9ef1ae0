namespace MessageGen.Sandbox;

/// <summary>Settings of a <see cref="SandboxServer"/>.</summary>
public sealed class SandboxOptions
{
    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one, see <see cref="SandboxServer.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>The <c>D360-API-KEY</c> the sandbox accepts; null (the default) makes a random one, see <see cref="SandboxServer.ApiKey"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How many requests, messages and media the sandbox keeps on record (each list separately); the oldest are dropped
    /// beyond it, and counted (<see cref="SandboxServer.DroppedRequests"/> and the like), so that a long-running sandbox
    /// does not grow without bound. Default 10,000.
    /// </summary>
    public int MaxRecorded { get; set; } = 10_000;

    /// <summary>
    /// How many bytes of request bodies the sandbox keeps on record, in <see cref="SandboxServer.Requests"/> and
    /// <see cref="SandboxServer.Messages"/> together (an accepted message's body counts in both). Beyond it the oldest
    /// records of those two lists are dropped first, and counted. Default 64 MiB.
    /// </summary>
    public long MaxRecordedBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Called with each request as it is answered; <c>messagegen sandbox</c> prints them. It runs on the request's thread
    /// before the answer is sent, so it must return quickly: hand slow work (such as writing to a console) to another thread.
    /// </summary>
    public Action<SandboxRequest>? RequestObserved { get; set; }

    /// <summary>
    /// The largest media file <c>POST /media</c> takes, as the API does for video and audio. Default 16 MB. A request body may be up
    /// to 1 MiB larger (for the multipart envelope); a larger one, on a route that reads the body (with the key), is answered 413.
    /// </summary>
    public long MaxMediaBytes { get; set; } = MessageGen.Media.VideoFileInspector.MaxCompatibleFileSize;

    /// <summary>
    /// How many bytes of uploaded files the sandbox keeps for <c>GET /{media-id}</c>, its download and the check of media
    /// sent by id (at most <see cref="MaxRecorded"/> files); the oldest are forgotten first. Default 256 MiB.
    /// </summary>
    public long MaxStoredMediaBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Where webhook notifications go from the start, as if set with <c>POST /v1/configs/webhook</c>; null (the default)
    /// delivers nothing until a webhook is configured.
    /// </summary>
    public SandboxWebhook? Webhook { get; set; }

    /// <summary>How long a webhook receiver has to answer an attempt before it counts as failed and is retried. Default 5 s, as on the API.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the sandbox waits after a failed attempt before the second; it doubles after each further one. Default 1 s;
    /// tests make it a few milliseconds.
    /// </summary>
    public TimeSpan WebhookRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many attempts a notification gets before the sandbox gives up on it. Default 6.</summary>
    public int WebhookMaxAttempts { get; set; } = 6;

    /// <summary>
    /// Called with each webhook delivery attempt once it has an outcome; <c>messagegen sandbox</c> prints them. It runs on
    /// the delivery's thread, so it must return quickly.
    /// </summary>
    public Action<SandboxWebhookAttempt>? WebhookAttemptObserved { get; set; }

    /// <summary>
    /// The business number's throughput limit, in messages per second; null (the default) sets none. When set, <c>POST /messages</c>
    /// takes at most this many messages in one instant and then one every 1/N s (a token bucket of N tokens refilled at N per
    /// second); a message over it is answered 429 with Graph code 130429 "(#130429) Rate limit hit", as the API answers one over
    /// its limit (80 by default, up to 1,000). A message is counted only once it has passed every check: one answered 400 (or a
    /// fault) takes nothing.
    /// </summary>
    public int? MessagesPerSecond { get; set; }

    /// <summary>
    /// Whether <c>POST /messages</c> holds the API's pair rate limit: about one message per <see cref="PairLimitPeriod"/> to the same
    /// recipient, with bursts of up to <see cref="PairLimitBurst"/> that borrow ahead (a token bucket per recipient of
    /// <see cref="PairLimitBurst"/> tokens, refilled one per <see cref="PairLimitPeriod"/>). A message over it is answered 400 with Graph
    /// code 131056 "(#131056) (Business Account, Consumer Account) pair rate limit hit". Off by default. A message refused by
    /// either limit takes a token from neither.
    /// </summary>
    public bool PairLimit { get; set; }

    /// <summary>How long the pair limit takes to give a recipient one more message. Default 6 s, as on the API.</summary>
    public TimeSpan PairLimitPeriod { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How many messages may go to one recipient at once before the pair limit answers 131056 (the bucket's capacity). Default 45,
    /// the burst the API allows. A burst borrows ahead: once it has emptied the bucket, the recipient gets one message per
    /// <see cref="PairLimitPeriod"/>, and only after B periods without messages may a burst of B go again.
    /// </summary>
    public int PairLimitBurst { get; set; } = 45;

    /// <summary>
    /// The clock the rate limits (<see cref="MessagesPerSecond"/>, <see cref="PairLimit"/>) read; <see cref="TimeProvider.System"/> by
    /// default. Tests pass a clock they advance themselves, so that they need no sleeps. Nothing else in the sandbox reads it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A file in the shape of the API's <c>GET /v1/configs/templates</c> answer (<c>{"waba_templates":[...]}</c>, as
    /// <c>messagegen templates pull</c> saves it), read once at start: the sandbox serves it on <c>GET /v1/configs/templates</c>
    /// (with <c>limit</c> and <c>offset</c>) and answers a <c>type: template</c> send that does not match one of its approved
    /// templates as the API does (132001, 132000, 132012, 132005). Null (the default) serves an empty list and checks a template
    /// send's structure only (it knows no templates to judge it by), so that tests of code that sends templates need no file;
    /// an empty file (<c>{"waba_templates":[]}</c>) answers every template send 132001. A file that cannot be read or lacks what a template needs stops the start with
    /// <see cref="SandboxTemplatesFileException"/>.
    /// </summary>
    public string? TemplatesFile { get; set; }
}
