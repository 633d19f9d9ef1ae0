using System.Threading.RateLimiting;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    /// <summary>
    /// Sends many messages with bounded concurrency and a messages-per-second limit, and reports what became of each, in
    /// input order. One message failing, whatever the failure, does not stop the others or lose their results. Each message
    /// is delivered at most once: a send whose outcome is unknown is never retried here, whatever
    /// <see cref="WhatsAppRetryOptions.RetryWhenOutcomeUnknown"/> says.
    /// </summary>
    /// <param name="messages">The messages to send.</param>
    /// <param name="options">
    /// Concurrency and rate; defaults to 8 in flight, paced by the client's rate limiter, or at 80 messages per second without one.
    /// </param>
    /// <param name="cancellationToken">
    /// Stops starting new sends; messages not yet started are reported with an <see cref="OperationCanceledException"/>
    /// and <see cref="BulkSendResult.Attempted"/> false.
    /// </param>
    public async Task<IReadOnlyList<BulkSendResult>> SendManyAsync(
        IReadOnlyList<IWhatsAppMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        options ??= new BulkSendOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        if (options.MessagesPerSecond is { } rate && !(rate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), rate, "MessagesPerSecond must be positive.");
        }

        var sender = _settings.Retry.RetryWhenOutcomeUnknown ? WithSafeRetries() : this;
        var results = new BulkSendResult[messages.Count];
        // Two pacers would hold the sends to the slower: the client's limiter, when there is one, is the number's.
        using var limiter = options.MessagesPerSecond is null && _settings.RateLimiter is not null
            ? null
            : CreateLimiter(options.MessagesPerSecond ?? DefaultMessagesPerSecond);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency };

        await Parallel.ForAsync(0, messages.Count, parallel, async (index, _) =>
        {
            var message = messages[index];
            if (message is null)
            {
                results[index] = new BulkSendResult(index, message!, null, new ArgumentNullException(nameof(messages), $"Message {index} is null."), Attempted: false);
                return;
            }

            try
            {
                if (limiter is not null)
                {
                    (await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false)).Dispose();
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException e)
            {
                results[index] = new BulkSendResult(index, message, null, e, Attempted: false);
                return;
            }

            try
            {
                var result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
                results[index] = new BulkSendResult(index, message, result, null, Attempted: true);
            }
            catch (MessageValidationException e)
            {
                // SendAsync validates before it sends anything.
                results[index] = new BulkSendResult(index, message, null, e, Attempted: false);
            }
            catch (Exception e)
            {
                // Anything else (a message that cannot be written as JSON, say) is this message's failure, not the batch's.
                results[index] = new BulkSendResult(index, message, null, e, Attempted: e is WhatsAppException or OperationCanceledException);
            }
        }).ConfigureAwait(false);

        return results;
    }

    /// <summary>The API's default throughput limit per sender number.</summary>
    private const double DefaultMessagesPerSecond = 80;

    /// <summary>Smooth pacing: about ten refills a second rather than one burst of a whole second's allowance.</summary>
    private static TokenBucketRateLimiter CreateLimiter(double messagesPerSecond)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(messagesPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / messagesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private WhatsAppClient WithSafeRetries() => new(this, _apiKey, _settings with { Retry = _settings.Retry with { RetryWhenOutcomeUnknown = false } });
}
