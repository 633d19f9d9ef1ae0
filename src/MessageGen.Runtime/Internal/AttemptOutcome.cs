namespace MessageGen.Internal;

/// <summary>What one attempt came to: the answer's body, or a wait before trying again.</summary>
internal readonly struct AttemptOutcome
{
    private AttemptOutcome(PooledBuffer? answer, TimeSpan wait, string retryReason)
    {
        Answer = answer;
        Wait = wait;
        RetryReason = retryReason;
    }

    public PooledBuffer? Answer { get; }

    public TimeSpan Wait { get; }

    public string RetryReason { get; }

    public static AttemptOutcome Success(PooledBuffer answer) => new(answer, TimeSpan.Zero, "");

    public static AttemptOutcome Retry(TimeSpan wait, string reason) => new(null, wait, reason);
}
