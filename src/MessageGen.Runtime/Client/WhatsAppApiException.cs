using System.Globalization;
using System.Net;
using System.Text;

namespace MessageGen;

/// <summary>
/// The API answered with an error: it did not take the message. Key on <see cref="ErrorCode"/> (the API's code, see
/// <see cref="WhatsAppErrorCodes"/>) rather than on <see cref="StatusCode"/> where one is given.
/// </summary>
public sealed class WhatsAppApiException : WhatsAppException
{
    /// <summary>Creates the exception from what the API answered.</summary>
    public WhatsAppApiException(
        HttpStatusCode statusCode,
        WhatsAppApiErrorShape shape,
        string apiMessage,
        int? errorCode = null,
        int? errorSubcode = null,
        string? errorType = null,
        string? details = null,
        string? traceId = null,
        TimeSpan? retryAfter = null,
        int attempts = 1)
        : base(Describe(statusCode, apiMessage, errorCode, details, traceId), attempts, innerException: null)
    {
        StatusCode = statusCode;
        Shape = shape;
        ApiMessage = apiMessage;
        ErrorCode = errorCode;
        ErrorSubcode = errorSubcode;
        ErrorType = errorType;
        Details = details;
        TraceId = traceId;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Which error body the details were read from.</summary>
    public WhatsAppApiErrorShape Shape { get; }

    /// <summary>The API's message (for a body that is not JSON, its first characters).</summary>
    public string ApiMessage { get; }

    /// <summary>The API's error code (Graph <c>code</c>), or null when the body carries none.</summary>
    public int? ErrorCode { get; }

    /// <summary>The API's finer error code (Graph <c>error_subcode</c>), when given.</summary>
    public int? ErrorSubcode { get; }

    /// <summary>The error family (Graph <c>type</c>, e.g. <c>OAuthException</c>), when given.</summary>
    public string? ErrorType { get; }

    /// <summary>What to do about it (Graph <c>error_data.details</c>), when given.</summary>
    public string? Details { get; }

    /// <summary>The trace id to quote to support (Graph <c>fbtrace_id</c>), when given.</summary>
    public string? TraceId { get; }

    /// <summary>How long the API asked to wait before trying again (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the error is temporary and the same request may succeed later: 429 or code 130429, 500, 502, 503, 504.</summary>
    public bool IsTransient =>
        ErrorCode == WhatsAppErrorCodes.ThroughputLimit
        || StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    /// <summary>Whether the API refused the <c>D360-API-KEY</c> (HTTP 401).</summary>
    public bool IsAuthenticationFailure => StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>Always false: an error answer means the API did not take the message.</summary>
    public override bool MayHaveBeenDelivered => false;

    private static string Describe(HttpStatusCode statusCode, string apiMessage, int? errorCode, string? details, string? traceId)
    {
        var text = new StringBuilder("The WhatsApp API rejected the request (HTTP ")
            .Append((int)statusCode);
        if (errorCode is { } code)
        {
            text.Append(", code ").Append(code.ToString(CultureInfo.InvariantCulture));
            if (WhatsAppErrorCodes.Describe(code) is { } name)
            {
                text.Append(' ').Append(name);
            }
        }

        text.Append("): ").Append(apiMessage);
        if (details is not null)
        {
            text.Append(" Details: ").Append(details);
        }

        if (traceId is not null)
        {
            text.Append(" Trace id: ").Append(traceId).Append('.');
        }

        if ((int)statusCode is >= 300 and < 400)
        {
            text.Append(" Redirects are not followed, so that the D360-API-KEY goes to the configured host only: check the base address.");
        }

        if (statusCode == HttpStatusCode.Unauthorized)
        {
            text.Append(" Check the D360-API-KEY: it must be the key of the sender number.");
        }

        return text.ToString();
    }
}
