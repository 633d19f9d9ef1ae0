using System.Net;
using System.Net.Http.Headers;

namespace MessageGen.Internal;

/// <summary>
/// Pipeline step 4: turns an error answer (status, <c>Retry-After</c>, body) into a <see cref="WhatsAppApiException"/>
/// carrying the API's code; <see cref="WhatsAppApiException.IsTransient"/> then says whether it may be retried.
/// </summary>
internal static class ApiErrorClassifier
{
    /// <summary>Classifies an error answer; the key is redacted from every text taken from the body.</summary>
    public static WhatsAppApiException Classify(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now, int attempts, string apiKey) =>
        Classify(response.StatusCode, response.Headers, body, now, attempts, apiKey);

    /// <summary>Classifies an error answer from its parts (<paramref name="headers"/> null: no <c>Retry-After</c>).</summary>
    public static WhatsAppApiException Classify(
        HttpStatusCode statusCode, HttpResponseHeaders? headers, ReadOnlySpan<byte> body, DateTimeOffset now, int attempts, string apiKey)
    {
        var retryAfter = headers is null ? null : RetryAfterHeader.Read(headers, now);
        return ApiErrorReader.Read(statusCode, body, retryAfter, attempts, apiKey);
    }
}
