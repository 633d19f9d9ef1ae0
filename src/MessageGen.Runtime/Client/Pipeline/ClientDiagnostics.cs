using Microsoft.Extensions.Logging;

namespace MessageGen.Internal;

/// <summary>
/// Pipeline step 6: what the client tells: its log events (<see cref="Log"/>) and the text of the failures it throws.
/// The key is never in either.
/// </summary>
internal sealed class ClientDiagnostics(ILogger logger, ClientSettings settings)
{
    public void Attempting(string operation, Uri endpoint, int attempt) => Log.SendingRequest(logger, operation, endpoint, attempt);

    public void RetryScheduled(string operation, int attempt, string reason, TimeSpan wait) =>
        Log.RetryScheduled(logger, operation, attempt, reason, (long)wait.TotalMilliseconds);

    /// <summary>Logs a final error answer and returns it, to throw.</summary>
    public WhatsAppApiException Rejected(string operation, int attempt, WhatsAppApiException error)
    {
        Log.RequestRejected(logger, operation, attempt, (int)error.StatusCode, error.ErrorCode, error.ApiMessage);
        return error;
    }

    /// <summary>No (complete) answer: says whether the message may have been delivered, logs it, and returns it to throw.</summary>
    public WhatsAppTransportException TransportFailure(string operation, Uri endpoint, WhatsAppTransportFailure failure, int attempts, Exception inner)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        var message = failure switch
        {
            WhatsAppTransportFailure.ConnectionFailed =>
                $"{operation}: could not connect to {endpoint.GetLeftPart(UriPartial.Authority)} ({tries}): {inner.Message} Nothing was sent; it is safe to try again.",
            WhatsAppTransportFailure.TimedOut =>
                $"{operation}: no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within {settings.Timeout.TotalSeconds:0.###} s ({tries}). " + UnknownOutcome(),
            _ when inner is InvalidDataException =>
                $"{operation}: {endpoint.GetLeftPart(UriPartial.Authority)} answered with a success status and more than {ResponseBodyReader.MaxAnswerBytes / 1024 / 1024} MiB, which was not read ({tries}). " + UnknownOutcome(),
            _ =>
                $"{operation}: the connection to {endpoint.GetLeftPart(UriPartial.Authority)} closed before a complete answer ({tries}). " + UnknownOutcome(),
        };
        var exception = new WhatsAppTransportException(failure, message, attempts, inner);
        Log.TransportFailed(logger, operation, attempts, failure, exception.MayHaveBeenDelivered, exception);
        return exception;
    }

    /// <summary>A caller's <see cref="HttpClient"/> followed a redirect: too late to keep the key, but never silent.</summary>
    public InvalidOperationException RedirectFollowed(string operation, Uri endpoint, Uri answeredBy, int attempts)
    {
        var exception = new InvalidOperationException(
            $"{operation}: the HttpClient given to {nameof(WhatsAppClient)} followed a redirect from {endpoint.GetLeftPart(UriPartial.Authority)} " +
            $"to {answeredBy.GetLeftPart(UriPartial.Authority)}, which received the request with its {ApiRequestFactory.ApiKeyHeaderName}. Give it a handler with " +
            "AllowAutoRedirect = false (the client's own connections and AddWhatsAppClient's have it) and replace the key.");
        Log.TransportFailed(logger, operation, attempts, WhatsAppTransportFailure.ResponseLost, mayHaveBeenDelivered: true, exception);
        return exception;
    }

    /// <summary>A success status with a body that is not what the operation answers.</summary>
    public WhatsAppTransportException UnreadableSuccess(string operation, string expected, int attempts)
    {
        var exception = new WhatsAppTransportException(
            WhatsAppTransportFailure.ResponseLost,
            $"{operation}: the API answered with a success status but not with {expected}. The message may have been delivered; it was not retried.",
            attempts);
        Log.TransportFailed(logger, operation, attempts, exception.Failure, exception.MayHaveBeenDelivered, exception);
        return exception;
    }

    private string UnknownOutcome() => settings.Retry.RetryWhenOutcomeUnknown
        ? "The request was sent, so the message may have been delivered, possibly more than once: retries of unknown outcomes are on."
        : "The request was sent, so the message may have been delivered; it was not retried because a retry can deliver it twice.";
}
