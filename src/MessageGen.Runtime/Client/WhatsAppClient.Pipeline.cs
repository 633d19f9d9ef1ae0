using System.Runtime.CompilerServices;
using MessageGen.Internal;

namespace MessageGen;

/// <summary>
/// The request pipeline. Every request goes through the same small steps, each with one job:
/// <list type="number">
/// <item><see cref="ApiRequestFactory"/>: the request, its content and the key header.</item>
/// <item><see cref="AttemptTransport"/> within a <see cref="TimeoutScope"/>: the answer's headers within the attempt's timeout,
/// a missing answer told apart from the caller cancelling and classified, and a followed redirect refused.</item>
/// <item><see cref="ResponseBodyReader"/>: the answer's body, capped.</item>
/// <item><see cref="ApiErrorClassifier"/>: an error answer as a <see cref="WhatsAppApiException"/> with the API's code.</item>
/// <item><see cref="RetryDecider"/>: try again after how long, or stop.</item>
/// <item><see cref="ClientDiagnostics"/>: the log events and the text of the failures thrown.</item>
/// </list>
/// </summary>
/// <remarks>
/// It is the Azure SDK's HttpPipeline (one policy per concern) composed at compile time: the steps are static and run in
/// a fixed order from <see cref="ExecuteAsync"/> (the retry loop) and <see cref="SendOnceAsync"/> (one attempt), because
/// the order never varies and a chain of policy objects or delegates would allocate on every send. It is not a
/// <see cref="DelegatingHandler"/> chain because the <see cref="HttpClient"/> may be the caller's (from
/// <c>IHttpClientFactory</c>), whose handlers are theirs. Media downloads (<c>TryDownloadAsync</c>) run the same steps
/// with <see cref="RetryRules.MediaDownload"/> and stream a success body instead of reading it.
/// </remarks>
public sealed partial class WhatsAppClient
{
    /// <summary>
    /// Sends one request with retries and returns the answer's body on a 2xx status; <paramref name="beforeRetry"/> runs
    /// before each retry (a send's retry takes its place in the rate limits again: the API counts every POST).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(PooledBuffer Answer, int Attempts)> ExecuteAsync(
        string operation, HttpMethod method, Uri endpoint, HttpContent? content, bool contentCanBeResent, CancellationToken cancellationToken,
        Func<CancellationToken, ValueTask>? beforeRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _diagnostics.Attempting(operation, endpoint, attempt);
            var mayRetry = RetryDecider.MayRetry(_settings.Retry, attempt, contentCanBeResent);
            var outcome = await SendOnceAsync(operation, method, endpoint, content, attempt, mayRetry, cancellationToken).ConfigureAwait(false);
            if (outcome.Answer is { } answer)
            {
                return (answer, attempt);
            }

            _diagnostics.RetryScheduled(operation, attempt, outcome.RetryReason, outcome.Wait);
            await Task.Delay(outcome.Wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            if (beforeRetry is not null)
            {
                await beforeRetry(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One attempt: returns the answer's body on success, or how long to wait before the next attempt when the failure may
    /// be retried; throws when it is final.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<AttemptOutcome> SendOnceAsync(
        string operation, HttpMethod method, Uri endpoint, HttpContent? content, int attempt, bool mayRetry, CancellationToken cancellationToken)
    {
        // Not disposed: that would dispose the content, which the next attempt sends again.
        var request = ApiRequestFactory.Create(method, endpoint, content, _apiKey);
        using var timeout = TimeoutScope.Start(_settings.Timeout, cancellationToken);

        HttpResponseMessage response;
        try
        {
            response = await AttemptTransport.SendAsync(_httpClient, request, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (AttemptTransport.IsTransportFailure(e, cancellationToken))
        {
            var failure = AttemptTransport.Classify(e);
            return RetryDecider.AfterTransportFailure(_settings.Retry, RetryRules.ApiCall, failure, attempt, mayRetry) is { } wait
                ? AttemptOutcome.Retry(wait, failure.ToString())
                : throw _diagnostics.TransportFailure(operation, endpoint, failure, attempt, e);
        }

        using (response)
        {
            if (AttemptTransport.AnsweredElsewhere(response, endpoint) is { } answeredBy)
            {
                throw _diagnostics.RedirectFollowed(operation, endpoint, answeredBy, attempt);
            }

            var (body, readFailure) = await ResponseBodyReader.ReadAsync(response, timeout.Token, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                // The API took the message but its answer was cut off: never resend.
                return body is not null
                    ? AttemptOutcome.Success(body)
                    : throw _diagnostics.TransportFailure(operation, endpoint, AttemptTransport.Classify(readFailure!), attempt, readFailure!);
            }

            // An error status already says the API did not take the message; a body that could not be read only loses detail.
            WhatsAppApiException error;
            using (body)
            {
                error = ApiErrorClassifier.Classify(response, body is null ? default : body.WrittenSpan, _timeProvider.GetUtcNow(), attempt, _apiKey);
            }

            return RetryDecider.AfterError(_settings.Retry, RetryRules.ApiCall, error, attempt, mayRetry) is { } retryWait
                ? AttemptOutcome.Retry(retryWait, RetryDecider.Reason(error))
                : throw _diagnostics.Rejected(operation, attempt, error);
        }
    }
}
