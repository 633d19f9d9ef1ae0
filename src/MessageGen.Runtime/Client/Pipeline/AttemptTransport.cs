using System.Net;

namespace MessageGen.Internal;

/// <summary>
/// Pipeline step 2: sends one request within the attempt's timeout (a <see cref="TimeoutScope"/> that also follows the
/// caller's token) and tells a missing answer apart from the caller cancelling.
/// </summary>
internal static class AttemptTransport
{
    /// <summary>Sends <paramref name="request"/> and returns the answer once its headers arrived; the body is read later, within the same timeout.</summary>
    /// <exception cref="HttpRequestException">No answer (see <see cref="IsTransportFailure"/> and <see cref="Classify"/>).</exception>
    public static Task<HttpResponseMessage> SendAsync(HttpClient httpClient, HttpRequestMessage request, in TimeoutScope timeout) =>
        httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

    /// <summary>Exceptions that mean "no usable answer" (the timeout included), as opposed to the caller cancelling.</summary>
    public static bool IsTransportFailure(Exception e, CancellationToken callerToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>
    /// What a transport failure means for the message: only a connection never made is known to have sent nothing; a
    /// timeout or a lost answer may have delivered it.
    /// </summary>
    public static WhatsAppTransportFailure Classify(Exception e) => e switch
    {
        OperationCanceledException => WhatsAppTransportFailure.TimedOut,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
            => WhatsAppTransportFailure.ConnectionFailed,
        _ => WhatsAppTransportFailure.ResponseLost,
    };

    /// <summary>
    /// The origin that answered, when it is not <paramref name="endpoint"/>'s: a caller's <see cref="HttpClient"/>
    /// followed a redirect (the client's own connections follow none).
    /// </summary>
    public static Uri? AnsweredElsewhere(HttpResponseMessage response, Uri endpoint) =>
        response.RequestMessage?.RequestUri is { } answeredBy && !SameOrigin(answeredBy, endpoint) ? answeredBy : null;

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
