using System.Runtime.CompilerServices;

namespace MessageGen.Internal;

/// <summary>Pipeline step 3: reads an answer's body, at most <see cref="MaxAnswerBytes"/>, within the attempt's timeout.</summary>
internal static class ResponseBodyReader
{
    /// <summary>The most an answer (not a media download) may hold: the API's answers are a few hundred bytes.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body. When it cannot be read (the connection closed, the timeout passed, more than the cap arrived),
    /// returns no body and the exception that says why; the caller's cancelling and other exceptions propagate.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(PooledBuffer? Body, Exception? Failure)> ReadAsync(
        HttpResponseMessage response, CancellationToken timeoutToken, CancellationToken callerToken)
    {
        var body = new PooledBuffer((int)Math.Min(response.Content.Headers.ContentLength ?? 0, MaxAnswerBytes));
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(timeoutToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await body.ReadFromAsync(stream, MaxAnswerBytes, timeoutToken).ConfigureAwait(false);
            }

            return (body, null);
        }
        catch (Exception e) when (AttemptTransport.IsTransportFailure(e, callerToken) || e is InvalidDataException)
        {
            body.Dispose();
            return (null, e);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
