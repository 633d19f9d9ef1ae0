namespace MessageGen.Outbox;

/// <summary>How the sender waits out a failing database: 200 ms doubling to 5 s, and gives up after about a minute.</summary>
internal static class DatabaseBackoff
{
    /// <summary>Failures in a row after which the work is given up.</summary>
    public const int MaxFailures = 20;

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row.</summary>
    public static TimeSpan After(int failures) => TimeSpan.FromMilliseconds(Math.Min(100 << Math.Min(failures, 6), 5_000));
}
