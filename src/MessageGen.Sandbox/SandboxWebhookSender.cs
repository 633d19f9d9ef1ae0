using System.Globalization;
using System.Net.Http.Headers;

namespace MessageGen.Sandbox;

/// <summary>
/// Delivers webhook notifications as the API does: POSTed to the configured URL with its headers, retried with
/// exponential backoff while the receiver answers non-2xx or not in time, every attempt recorded. Notifications run in
/// sequences (one per message): a sequence delivers one notification after the other, never two at once, while
/// different sequences run side by side. Thread-safe.
/// </summary>
internal sealed class SandboxWebhookSender : IAsyncDisposable
{
    /// <summary>How many sequences may wait or run at once; more are dropped and counted, so a dead receiver cannot pile up work without end.</summary>
    private const int MaxPendingSequences = 10_000;

    /// <summary>How many attempts may be in flight at once, across sequences.</summary>
    private const int MaxConcurrentAttempts = 16;

    /// <summary>The longest wait between two attempts, however many there were.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly SandboxRecordBook _records;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _retryBaseDelay;
    private readonly int _maxAttempts;
    private readonly Action<SandboxWebhookAttempt>? _attemptObserved;
    private readonly SemaphoreSlim _attemptSlots = new(MaxConcurrentAttempts);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SandboxWebhook? _webhook;

    // One for the sender itself until it is disposed, plus one per sequence: it reaches 0 once all have finished.
    private long _pending = 1;
    private long _droppedSequences;

    public SandboxWebhookSender(HttpClient http, SandboxRecordBook records, SandboxOptions options)
    {
        _http = http;
        _records = records;
        _timeout = options.WebhookTimeout;
        _retryBaseDelay = options.WebhookRetryBaseDelay;
        _maxAttempts = options.WebhookMaxAttempts;
        _attemptObserved = options.WebhookAttemptObserved;
        _webhook = options.Webhook;
    }

    /// <summary>Where notifications go; null delivers nothing. Each attempt reads it anew, so a change reaches retries too.</summary>
    public SandboxWebhook? Webhook
    {
        get => Volatile.Read(ref _webhook);
        set => Volatile.Write(ref _webhook, value);
    }

    /// <summary>How many sequences were dropped because <see cref="MaxPendingSequences"/> were pending.</summary>
    public long DroppedSequences => Interlocked.Read(ref _droppedSequences);

    /// <summary>Runs <paramref name="sequence"/> in the background; it delivers with <see cref="DeliverAsync"/>, one notification at a time.</summary>
    public void Start(Func<CancellationToken, Task> sequence)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        if (Interlocked.Increment(ref _pending) > MaxPendingSequences + 1)
        {
            Finish();
            Interlocked.Increment(ref _droppedSequences);
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await sequence(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // The sandbox is stopping.
            }
            finally
            {
                Finish();
            }
        });
    }

    /// <summary>Delivers one notification: attempts until one gets a 2xx answer or the attempts run out, waiting longer after each.</summary>
    /// <param name="body">The notification.</param>
    /// <param name="summary">What it carries, for the record and output.</param>
    /// <param name="cancellationToken">Stops between and during attempts.</param>
    public async Task DeliverAsync(byte[] body, string summary, CancellationToken cancellationToken)
    {
        for (var attempt = 1; Webhook is { } webhook; attempt++)
        {
            var sentAt = DateTimeOffset.UtcNow;
            var (statusCode, error) = await AttemptAsync(webhook, body, cancellationToken).ConfigureAwait(false);
            var record = new SandboxWebhookAttempt(webhook.Url.ToString(), statusCode, attempt, body, sentAt, error, summary);
            _records.Add(record);
            _attemptObserved?.Invoke(record);
            if (record.Succeeded || attempt >= _maxAttempts)
            {
                return;
            }

            await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every sequence (pending retries are not made) and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Finish();
        await _idle.Task.ConfigureAwait(false);
        _stopping.Dispose();
        _attemptSlots.Dispose();
    }

    /// <summary>The wait after attempt <paramref name="attempt"/>: the base delay, doubled for each attempt before it.</summary>
    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(_retryBaseDelay.Ticks * Math.Pow(2, attempt - 1), MaxRetryDelay.Ticks));

    /// <summary>One POST: the status the receiver answered within the timeout, or why there was none.</summary>
    private async Task<(int? StatusCode, string? Error)> AttemptAsync(SandboxWebhook webhook, byte[] body, CancellationToken cancellationToken)
    {
        await _attemptSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = JsonContentType;
            foreach (var (name, value) in webhook.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"timed out after {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return (null, SandboxAnswers.Shown(e.Message));
        }
        finally
        {
            _attemptSlots.Release();
        }
    }

    private void Finish()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _idle.TrySetResult();
        }
    }
}
