using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MessageGen.Outbox.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MessageGen.Outbox;

/// <summary>
/// Drains a <see cref="MessageOutbox"/>: claims pending messages under a lease, records "sending" just before each POST,
/// then the answer. Any number of senders, in any number of processes, can drain one PostgreSQL outbox; none sends a
/// message another has, and none resends one whose outcome is unknown.
/// </summary>
/// <remarks>
/// Registered as a hosted service by <c>AddWhatsAppOutbox</c>; or call <see cref="DrainAsync"/> to send what is there and
/// return. On stop it finishes the sends already started and hands back the rest.
/// </remarks>
public sealed partial class OutboxSender : BackgroundService
{
    private readonly OutboxStore _store;
    private readonly IWhatsAppClient _client;
    private readonly OutboxSenderOptions _options;
    private readonly ILogger _logger;

    private readonly OverheadRecorder _overhead = new();

    /// <summary>Creates a sender of <paramref name="outbox"/>'s messages through <paramref name="client"/>.</summary>
    /// <param name="outbox">The outbox to drain; not disposed by the sender.</param>
    /// <param name="client">Sends; its rate limiter (e.g. <c>AddRedisRateLimits</c>) paces every worker.</param>
    /// <param name="options">Concurrency, leases and retries.</param>
    /// <param name="logger">Where outcomes other than "accepted" are logged (never a key or a body).</param>
    public OutboxSender(MessageOutbox outbox, IWhatsAppClient client, OutboxSenderOptions? options = null, ILogger<OutboxSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(client);
        _store = outbox.Store;
        _client = client;
        _options = options ?? new OutboxSenderOptions();
        _options.Check();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// What the outbox added per accepted message so far, as this sender measured it, outside the first second of each
    /// stretch of sending (see <see cref="StartingOverhead"/>).
    /// </summary>
    public OutboxOverhead Overhead => _overhead.Running;

    /// <summary>
    /// What the outbox added per accepted message in the first second of each stretch of sending (from the first accepted
    /// message, and again after a pause of a second or more): kept apart, as a benchmark keeps its warm-up apart, since
    /// connections and caches are cold then and the rate limit's burst leaves no wait to write "sending" in.
    /// </summary>
    public OutboxOverhead StartingOverhead => _overhead.Starting;

    /// <summary>
    /// Sends until no message is pending or sending in the whole outbox (including other workers' claims, which it takes
    /// over when their lease ends), then returns. Cancelling stops it cleanly: sends already started finish and are
    /// recorded, and claimed messages not yet sent go back to pending.
    /// </summary>
    /// <exception cref="WhatsAppApiException">The API refused the key (401): nothing more is sent, the message stays pending.</exception>
    public Task DrainAsync(CancellationToken cancellationToken = default) => RunAsync(untilDone: true, cancellationToken);

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(untilDone: false, stoppingToken);

    private async Task RunAsync(bool untilDone, CancellationToken stoppingToken)
    {
        // Each send holds up to two connections: one for its own writes, one for the claims and leases beside it.
        await _store.WarmUpAsync(_options.Concurrency + 2, stoppingToken).ConfigureAwait(false);
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeasesAsync(renewal.Token);
        var answers = new AnswerRecorder(_store, _logger);
        var sending = new SendingRecorder(_store, _options.WorkerId, _options.LeaseDuration);
        try
        {
            await Parallel.ForEachAsync(
                ClaimAsync(answers, untilDone, stoppingToken),
                // Not the stopping token: sends already started run to their answer, so that it is recorded.
                new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency },
                (message, _) => SendAsync(message, sending, answers, stoppingToken)).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await answers.CompleteAsync().ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
                await _store.ReleaseAsync(_options.WorkerId, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Claims batches as the senders take them; ends when stopped, or (draining) when nothing of its messages is left
    /// anywhere. A database that fails is retried with backoff (and logged) before the sender gives up.
    /// </summary>
    private async IAsyncEnumerable<ClaimedMessage> ClaimAsync(AnswerRecorder answers, bool untilDone, [EnumeratorCancellation] CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<ClaimedMessage> batch = [];
            try
            {
                var expired = await _store.ExpireLeasesAsync(stoppingToken).ConfigureAwait(false);
                if (expired > 0)
                {
                    Log.LeasesExpired(_logger, expired);
                }

                batch = await _store.ClaimAsync(_options.WorkerId, _options.BatchSize, _options.LeaseDuration, _options.KeyPrefix, stoppingToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    // Answers still being written leave their rows "sending", which would count as unfinished.
                    if (untilDone)
                    {
                        await answers.FlushAsync().ConfigureAwait(false);
                    }

                    if (untilDone && new OutboxTotals(await _store.CountAsync(_options.KeyPrefix, stoppingToken).ConfigureAwait(false)).Unfinished == 0)
                    {
                        yield break;
                    }

                    await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (Exception e) when (e is DbException or TimeoutException && ++failures < DatabaseBackoff.MaxFailures)
            {
                Log.ClaimFailed(_logger, failures, e);
            }

            if (failures > 0)
            {
                if (!await DelayUnlessStoppedAsync(DatabaseBackoff.After(failures), stoppingToken).ConfigureAwait(false))
                {
                    yield break;
                }

                continue;
            }

            foreach (var message in batch)
            {
                yield return message;
            }
        }
    }

    private static async Task<bool> DelayUnlessStoppedAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async ValueTask SendAsync(ClaimedMessage message, SendingRecorder sending, AnswerRecorder answers, CancellationToken stoppingToken)
    {
        // Stopping cancels the wait for a turn (the message stays pending), never a POST once "sending" is recorded:
        // whichever of the two comes first (0 → -1 stopped, 0 → 1 recording "sending") decides.
        using var waiting = new CancellationTokenSource();
        var phase = 0;
        var posting = false;
        using var stop = stoppingToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref phase, -1, 0) == 0)
            {
                waiting.Cancel();
            }
        });

        var heldBack = TimeSpan.Zero;
        try
        {
            var result = await SendThroughClientAsync(message, async (turn, waitingToken) =>
            {
                // "sending" is written shortly before the message's place is due, so that the write overlaps the wait; what
                // the outbox adds is how much later than the place the write ends (the POST waits for both).
                long dueAt = 0;
                _ = turn.Due.ContinueWith(
                    _ => Volatile.Write(ref dueAt, Stopwatch.GetTimestamp()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                if (turn.UntilDue > _options.RecordSendingAhead)
                {
                    await Task.Delay(turn.UntilDue - _options.RecordSendingAhead, waitingToken).ConfigureAwait(false);
                }

                if (Interlocked.CompareExchange(ref phase, 1, 0) != 0)
                {
                    throw new OperationCanceledException(stoppingToken);
                }

                if (!await sending.MarkAsync(message.Id).ConfigureAwait(false))
                {
                    throw new LeaseLostException();
                }

                var due = Volatile.Read(ref dueAt);
                heldBack = due == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(due);
                posting = true;
            }, waiting.Token).ConfigureAwait(false);

            var answered = Stopwatch.GetTimestamp();
            await answers.AddAsync(message.Id, result.MessageId).ConfigureAwait(false);
            _overhead.Add(heldBack + Stopwatch.GetElapsedTime(answered));
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, message.Key);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref phase) == -1)
        {
            // Stopped while waiting for its turn: still pending, released when the sender stops.
        }
        catch (WhatsAppApiException e) when (e.IsAuthenticationFailure)
        {
            await RetryLaterAsync(message, e.ErrorCode, e, TimeSpan.Zero, int.MaxValue).ConfigureAwait(false);
            throw;
        }
        catch (WhatsAppApiException e) when (e.IsTransient)
        {
            await RetryLaterAsync(message, e.ErrorCode, e, _options.RetryDelay, _options.MaxAttempts).ConfigureAwait(false);
        }
        catch (WhatsAppApiException e)
        {
            await _store.RecordEndAsync(message.Id, OutboxState.Failed, e.ErrorCode ?? (int)e.StatusCode, e.Message, CancellationToken.None).ConfigureAwait(false);
            Log.Failed(_logger, message.Key, e.ErrorCode);
        }
        catch (WhatsAppException e) when (!e.MayHaveBeenDelivered)
        {
            await RetryLaterAsync(message, null, e, _options.RetryDelay, _options.MaxAttempts).ConfigureAwait(false);
        }
        catch (Exception e) when (posting)
        {
            await _store.RecordEndAsync(message.Id, OutboxState.Unknown, null, e.Message, CancellationToken.None).ConfigureAwait(false);
            Log.Unknown(_logger, message.Key, e);
        }
        catch (Exception e)
        {
            // Not posted (the rate limiter's store down, or "sending" could not be written): try again later.
            await RetryLaterAsync(message, null, e, _options.RetryDelay, int.MaxValue).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the message back to pending for a later try, if this worker still holds it.</summary>
    private async Task RetryLaterAsync(ClaimedMessage message, int? code, Exception reason, TimeSpan delay, int maxAttempts)
    {
        var state = await _store.RetryLaterAsync(message.Id, _options.WorkerId, code, reason.Message, delay, maxAttempts, CancellationToken.None).ConfigureAwait(false);
        if (state is null)
        {
            Log.LeaseLost(_logger, message.Key);
        }
        else
        {
            Log.NotSent(_logger, message.Key, code, state.Value, reason);
        }
    }

    /// <summary>
    /// Sends through the client, calling <paramref name="beforePost"/> once the rate limiter gave the message its place (with
    /// how long until it is due); a client that is not a <see cref="WhatsAppClient"/> (a fake) gets it called before the send.
    /// </summary>
    private async Task<SendMessageResult> SendThroughClientAsync(
        ClaimedMessage message, Func<SendTurn, CancellationToken, Task> beforePost, CancellationToken cancellationToken)
    {
        var stored = new StoredMessage(message.Body);
        if (_client is WhatsAppClient client)
        {
            return await client.SendAsync(stored, beforePost, cancellationToken).ConfigureAwait(false);
        }

        await beforePost(new SendTurn(TimeSpan.Zero, Task.CompletedTask), cancellationToken).ConfigureAwait(false);
        return await _client.SendAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps this worker's leases alive while it runs.</summary>
    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var period = _options.LeaseDuration / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, cancellationToken).ConfigureAwait(false);
                await _store.RenewLeasesAsync(_options.WorkerId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                Log.RenewalFailed(_logger, e);
            }
        }
    }

    /// <summary>Another worker took the message over: this one's lease had ended.</summary>
    private sealed class LeaseLostException : Exception;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Outbox: {Count} message(s) left sending by a stopped worker are now unknown; they are not resent.")]
        public static partial void LeasesExpired(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Warning, "Outbox: message {Key} was taken over by another worker after this one's lease ended; not sent here.")]
        public static partial void LeaseLost(ILogger logger, string key);

        [LoggerMessage(3, LogLevel.Warning, "Outbox: message {Key} was not sent or not taken by the API (code {Code}); now {State}.")]
        public static partial void NotSent(ILogger logger, string key, int? code, OutboxState state, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Outbox: message {Key} was refused by the API with code {Code}.")]
        public static partial void Failed(ILogger logger, string key, int? code);

        [LoggerMessage(5, LogLevel.Error, "Outbox: message {Key} may or may not have been sent; it is unknown and is not resent.")]
        public static partial void Unknown(ILogger logger, string key, Exception exception);

        [LoggerMessage(6, LogLevel.Warning, "Outbox: claiming messages failed ({Failures} time(s) in a row); retrying.")]
        public static partial void ClaimFailed(ILogger logger, int failures, Exception exception);

        [LoggerMessage(7, LogLevel.Warning, "Outbox: renewing this worker's leases failed; retrying.")]
        public static partial void RenewalFailed(ILogger logger, Exception exception);
    }
}
