using System.Net;
using System.Net.Sockets;
using System.Text;
using MessageGen.Internal;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>The request pipeline's steps on their own: request, timeout, body cap, error classification, retry decision.</summary>
public sealed class PipelineStepTests
{
    private const string Key = "secret-key-123";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly RetrySettings Retry = RetrySettings.From(new WhatsAppRetryOptions
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        UseJitter = false,
        MaxRetryAfter = TimeSpan.FromSeconds(10),
    });

    [Fact]
    public void The_request_carries_the_key_in_its_own_header_and_the_content()
    {
        using var content = new StringContent("{}");
        var request = ApiRequestFactory.Create(HttpMethod.Post, new Uri("https://api.example/messages"), content, Key);

        Assert.Equal([Key], request.Headers.GetValues("D360-API-KEY"));
        Assert.Same(content, request.Content);
        Assert.Equal(HttpMethod.Post, request.Method);
    }

    [Theory]
    [InlineData(400, """{"error":{"message":"Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"T1"}}""", WhatsAppApiErrorShape.Graph, 131047, false)]
    [InlineData(400, """{"error":{"message":"Rate limit hit","code":130429}}""", WhatsAppApiErrorShape.Graph, 130429, true)]
    [InlineData(429, """{"error":"Too many requests"}""", WhatsAppApiErrorShape.Dialog, null, true)]
    [InlineData(401, """{"meta":{"success":false,"http_code":401,"developer_message":"Invalid api key"}}""", WhatsAppApiErrorShape.Legacy, null, false)]
    [InlineData(503, "<html>Service Unavailable</html>", WhatsAppApiErrorShape.Unrecognized, null, true)]
    [InlineData(502, "", WhatsAppApiErrorShape.Unrecognized, null, true)]
    [InlineData(404, """{"error":{"message":"Unknown path"}}""", WhatsAppApiErrorShape.Graph, null, false)]
    public void The_classifier_reads_status_and_body_into_a_typed_error(
        int status, string body, WhatsAppApiErrorShape shape, int? code, bool transient)
    {
        var error = ApiErrorClassifier.Classify((HttpStatusCode)status, headers: null, Encoding.UTF8.GetBytes(body), Now, attempts: 2, Key);

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(shape, error.Shape);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(transient ? Retry.Backoff(1) : null, RetryDecider.AfterError(Retry, RetryRules.ApiCall, error, attempt: 1, mayRetry: true));
    }

    [Fact]
    public void The_classifier_takes_retry_after_as_seconds_or_a_date_and_the_decider_honours_it_up_to_its_limit()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "3");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(7).ToString("r"));
        using var tooLong = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooLong.Headers.TryAddWithoutValidation("Retry-After", "120");

        var afterSeconds = ApiErrorClassifier.Classify(seconds, "{}"u8, Now, 1, Key);
        var afterDate = ApiErrorClassifier.Classify(date, "{}"u8, Now, 1, Key);
        var afterTooLong = ApiErrorClassifier.Classify(tooLong, "{}"u8, Now, 1, Key);

        Assert.Equal(TimeSpan.FromSeconds(3), RetryDecider.AfterError(Retry, RetryRules.ApiCall, afterSeconds, 1, mayRetry: true));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDecider.AfterError(Retry, RetryRules.ApiCall, afterDate, 1, mayRetry: true));
        Assert.Equal(TimeSpan.FromSeconds(120), afterTooLong.RetryAfter);
        Assert.Null(RetryDecider.AfterError(Retry, RetryRules.ApiCall, afterTooLong, 1, mayRetry: true));
    }

    [Fact]
    public void The_classifier_never_lets_the_key_through_from_an_echoing_body()
    {
        var error = ApiErrorClassifier.Classify(HttpStatusCode.Unauthorized, null, Encoding.UTF8.GetBytes($"<h1>Bad key {Key}</h1>"), Now, 1, Key);

        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decider_stops_when_no_retry_is_left_and_backs_off_exponentially_until_then()
    {
        var error = ApiErrorClassifier.Classify(HttpStatusCode.InternalServerError, null, default, Now, 1, Key);

        Assert.True(RetryDecider.MayRetry(Retry, attempt: 3, contentCanBeResent: true));
        Assert.False(RetryDecider.MayRetry(Retry, attempt: 4, contentCanBeResent: true));
        Assert.False(RetryDecider.MayRetry(Retry, attempt: 1, contentCanBeResent: false));
        Assert.Equal(
            [100, 200, 400],
            Enumerable.Range(1, 3).Select(attempt => RetryDecider.AfterError(Retry, RetryRules.ApiCall, error, attempt, mayRetry: true)!.Value.TotalMilliseconds));
        Assert.Null(RetryDecider.AfterError(Retry, RetryRules.ApiCall, error, 4, mayRetry: false));
        Assert.Equal("HTTP 500", RetryDecider.Reason(error));
    }

    [Theory]
    [InlineData(WhatsAppTransportFailure.ConnectionFailed, false, false, true)]
    [InlineData(WhatsAppTransportFailure.TimedOut, false, false, false)]
    [InlineData(WhatsAppTransportFailure.ResponseLost, false, false, false)]
    [InlineData(WhatsAppTransportFailure.TimedOut, true, false, true)]
    [InlineData(WhatsAppTransportFailure.ResponseLost, true, false, true)]
    [InlineData(WhatsAppTransportFailure.ConnectionFailed, false, true, true)]
    [InlineData(WhatsAppTransportFailure.ResponseLost, true, true, false)]
    public void Only_a_connection_never_made_is_retried_unless_the_caller_accepts_unknown_outcomes(
        WhatsAppTransportFailure failure, bool retryWhenOutcomeUnknown, bool download, bool retried)
    {
        var rules = download ? RetryRules.MediaDownload : RetryRules.ApiCall;
        var retry = Retry with { RetryWhenOutcomeUnknown = retryWhenOutcomeUnknown };

        Assert.Equal(retried, RetryDecider.AfterTransportFailure(retry, rules, failure, attempt: 1, mayRetry: true) is not null);
        Assert.Null(RetryDecider.AfterTransportFailure(retry, rules, failure, attempt: 1, mayRetry: false));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, false)]
    [InlineData(404, false)]
    public void A_download_retries_server_errors_only_never_a_4xx(int status, bool retried)
    {
        var error = ApiErrorClassifier.Classify((HttpStatusCode)status, null, default, Now, 1, Key);

        Assert.Equal(retried ? Retry.Backoff(1) : null, RetryDecider.AfterError(Retry, RetryRules.MediaDownload, error, 1, mayRetry: true));
    }

    [Fact]
    public void A_cancelled_attempt_is_a_timeout_unless_the_caller_cancelled()
    {
        using var caller = new CancellationTokenSource();
        var cancelled = new TaskCanceledException();

        Assert.True(AttemptTransport.IsTransportFailure(cancelled, caller.Token));
        Assert.Equal(WhatsAppTransportFailure.TimedOut, AttemptTransport.Classify(cancelled));
        Assert.Equal(WhatsAppTransportFailure.ConnectionFailed, AttemptTransport.Classify(new HttpRequestException(HttpRequestError.ConnectionError)));
        Assert.Equal(WhatsAppTransportFailure.ResponseLost, AttemptTransport.Classify(new HttpRequestException(HttpRequestError.ResponseEnded)));
        Assert.Equal(WhatsAppTransportFailure.ResponseLost, AttemptTransport.Classify(new IOException("reset")));

        caller.Cancel();
        Assert.False(AttemptTransport.IsTransportFailure(cancelled, caller.Token));
    }

    [Fact]
    public async Task The_timeout_step_ends_an_attempt_that_gets_no_answer()
    {
        // A real socket that accepts the connection and never answers.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepting = listener.AcceptTcpClientAsync();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/messages");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var request = ApiRequestFactory.Create(HttpMethod.Get, endpoint, content: null, Key);

        Exception? failure = null;
        using (var timeout = TimeoutScope.Start(TimeSpan.FromMilliseconds(200), CancellationToken.None))
        {
            try
            {
                using var response = await AttemptTransport.SendAsync(http, request, timeout);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }

        using var accepted = await accepting;
        Assert.NotNull(failure);
        Assert.True(AttemptTransport.IsTransportFailure(failure, CancellationToken.None));
        Assert.Equal(WhatsAppTransportFailure.TimedOut, AttemptTransport.Classify(failure));
    }

    [Fact]
    public async Task The_timeout_step_follows_the_callers_token_which_is_no_transport_failure()
    {
        using var caller = new CancellationTokenSource();
        using var timeout = TimeoutScope.Start(Timeout.InfiniteTimeSpan, caller.Token);

        await caller.CancelAsync();

        Assert.True(timeout.Token.IsCancellationRequested);
        Assert.False(AttemptTransport.IsTransportFailure(new OperationCanceledException(timeout.Token), caller.Token));
    }

    [Fact]
    public async Task The_body_reader_stops_at_the_cap()
    {
        using var small = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("{\"id\":\"1\"}"u8.ToArray()) };
        using var huge = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[ResponseBodyReader.MaxAnswerBytes + 1]) };

        var (body, failure) = await ResponseBodyReader.ReadAsync(small, CancellationToken.None, CancellationToken.None);
        var (none, tooLarge) = await ResponseBodyReader.ReadAsync(huge, CancellationToken.None, CancellationToken.None);

        using (body)
        {
            Assert.Null(failure);
            Assert.Equal("{\"id\":\"1\"}", Encoding.UTF8.GetString(body!.WrittenSpan));
        }

        Assert.Null(none);
        Assert.IsType<InvalidDataException>(tooLarge);
    }

    [Fact]
    public void The_redirect_guard_notices_another_origin_only()
    {
        var endpoint = new Uri("https://waba.example/messages");
        using var same = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://WABA.example/v1/messages") };
        using var other = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://evil.example/messages") };

        Assert.Null(AttemptTransport.AnsweredElsewhere(same, endpoint));
        Assert.Equal(new Uri("https://evil.example/messages"), AttemptTransport.AnsweredElsewhere(other, endpoint));
    }
}
