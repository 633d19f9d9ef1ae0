using System.Globalization;
using System.Text;

namespace MessageGen.Sandbox;

/// <summary>
/// A failure the sandbox plays instead of (or before) its normal answer, for testing how clients cope. Queue it with
/// <see cref="SandboxFaults.Enqueue(SandboxFault)"/>; it applies to the next matching request, once, before the key and
/// the message are checked (as a proxy or an overloaded API would answer). The sandbox reads no body before it has
/// checked the key, so a fault aimed at a recipient (<see cref="ForRecipient"/>) matches only requests with the key.
/// </summary>
public sealed class SandboxFault
{
    private SandboxFault(SandboxFaultKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>A copy of <paramref name="other"/>: the one place that lists every setting, so none is lost.</summary>
    private SandboxFault(SandboxFault other, string description)
        : this(other.Kind, description)
    {
        StatusCode = other.StatusCode;
        Body = other.Body;
        ContentType = other.ContentType;
        RetryAfter = other.RetryAfter;
        Delay = other.Delay;
        Recipient = other.Recipient;
        Path = other.Path;
    }

    /// <summary>What the fault does.</summary>
    public SandboxFaultKind Kind { get; private init; }

    /// <summary>The status answered, for <see cref="SandboxFaultKind.Answer"/>.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The body answered, for <see cref="SandboxFaultKind.Answer"/>.</summary>
    public string Body { get; private init; } = "";

    /// <summary>The body's content type, for <see cref="SandboxFaultKind.Answer"/>.</summary>
    public string ContentType { get; private init; } = "application/json";

    /// <summary>The <c>Retry-After</c> header value answered, if any.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>How long the answer is held back, for <see cref="SandboxFaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Only requests for this recipient (<c>to</c>) with the key match; null matches any.</summary>
    public string? Recipient { get; private init; }

    /// <summary>Only requests to this path (e.g. <c>/media</c>) match; null matches any.</summary>
    public string? Path { get; private init; }

    /// <summary>A short description, for test output.</summary>
    public string Description { get; private init; }

    /// <summary>429 with Graph code 130429 (throughput limit) and <c>Retry-After</c> in seconds.</summary>
    public static SandboxFault TooManyRequests(TimeSpan retryAfter) => ThroughputLimit(
        ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    /// <summary>429 with Graph code 130429 (throughput limit) and <c>Retry-After</c> as an HTTP date.</summary>
    public static SandboxFault TooManyRequests(DateTimeOffset retryAt) => ThroughputLimit(retryAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));

    /// <summary>A server error (500 by default) with a Graph error body.</summary>
    public static SandboxFault ServerError(int statusCode = 500) => Answer(
        statusCode,
        Encoding.UTF8.GetString(SandboxAnswers.GraphError("(#1) An unknown error occurred", "OAuthException", 1, "Temporary failure; try again.")));

    /// <summary>Reads the request, then closes the connection without answering: the client cannot know what happened.</summary>
    public static SandboxFault DropConnection() => new(SandboxFaultKind.DropConnection, "drop the connection");

    /// <summary>Holds the answer back for <paramref name="delay"/>, then answers normally.</summary>
    public static SandboxFault SlowAnswer(TimeSpan delay) => new(SandboxFaultKind.Delay, $"answer after {delay.TotalMilliseconds} ms") { Delay = delay };

    /// <summary>Answers exactly <paramref name="body"/> with <paramref name="statusCode"/>: any error shape, or a body that is not JSON.</summary>
    public static SandboxFault Answer(int statusCode, string body, string contentType = "application/json", string? retryAfter = null) =>
        new(SandboxFaultKind.Answer, $"answer {statusCode}")
        {
            StatusCode = statusCode,
            Body = body,
            ContentType = contentType,
            RetryAfter = retryAfter,
        };

    /// <summary>Returns a copy that applies only to messages for <paramref name="to"/>.</summary>
    public SandboxFault ForRecipient(string to) => new(this, $"{Description} for {to}") { Recipient = to };

    /// <summary>Returns a copy that applies only to requests to <paramref name="path"/>, e.g. <c>/media</c>.</summary>
    public SandboxFault ForPath(string path) => new(this, $"{Description} on {path}") { Path = path };

    /// <inheritdoc />
    public override string ToString() => Description;

    internal byte[] BodyBytes() => Encoding.UTF8.GetBytes(Body);

    private static SandboxFault ThroughputLimit(string retryAfter) => Answer(
        429, Encoding.UTF8.GetString(SandboxAnswers.ThroughputLimit()), retryAfter: retryAfter);
}

/// <summary>What a <see cref="SandboxFault"/> does.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answers a given status and body.</summary>
    Answer,

    /// <summary>Closes the connection without answering.</summary>
    DropConnection,

    /// <summary>Answers normally, late.</summary>
    Delay,
}

/// <summary>The queue of faults a <see cref="SandboxServer"/> will play. Thread-safe.</summary>
public sealed class SandboxFaults
{
    private readonly List<SandboxFault> _pending = [];

    /// <summary>How many faults are still waiting for a matching request.</summary>
    public int Pending
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next matching request.</summary>
    public void Enqueue(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_pending)
        {
            _pending.Add(fault);
        }
    }

    /// <summary>Queues <paramref name="fault"/> for each of the next <paramref name="times"/> matching requests.</summary>
    public void Enqueue(SandboxFault fault, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Enqueue(fault);
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_pending)
        {
            _pending.Clear();
        }
    }

    internal SandboxFault? Take(string path, string? recipient)
    {
        lock (_pending)
        {
            var index = _pending.FindIndex(fault =>
                (fault.Path is null || string.Equals(fault.Path, path, StringComparison.OrdinalIgnoreCase))
                && (fault.Recipient is null || fault.Recipient == recipient));
            if (index < 0)
            {
                return null;
            }

            var fault = _pending[index];
            _pending.RemoveAt(index);
            return fault;
        }
    }
}
