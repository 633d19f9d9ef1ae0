namespace MessageGen.Internal;

/// <summary>Pipeline step 1: the request of one attempt, carrying the key in its own header.</summary>
internal static class ApiRequestFactory
{
    public const string ApiKeyHeaderName = "D360-API-KEY";

    /// <summary>
    /// Creates the request. Do not dispose it while <paramref name="content"/> may be sent again: that would dispose the
    /// content, which the next attempt sends again.
    /// </summary>
    public static HttpRequestMessage Create(HttpMethod method, Uri endpoint, HttpContent? content, string apiKey)
    {
        var request = new HttpRequestMessage(method, endpoint) { Content = content };

        // Per request, never on the HttpClient: clients for several numbers share one HttpClient.
        request.Headers.TryAddWithoutValidation(ApiKeyHeaderName, apiKey);
        return request;
    }
}
