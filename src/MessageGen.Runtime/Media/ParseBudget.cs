namespace MessageGen.Media;

/// <summary>
/// Caps the work one inspection may do, so that hostile files (millions of tiny boxes) end quickly, and lets a
/// caller's cancellation stop it between boxes.
/// </summary>
internal sealed class ParseBudget(CancellationToken cancellationToken)
{
    /// <summary>More boxes than any real video has at the levels the inspector walks.</summary>
    public const int MaxBoxes = 200_000;

    private int _boxes;

    public void CountBox(long fileOffset)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++_boxes > MaxBoxes)
        {
            throw new MalformedMediaException(fileOffset, $"the file has more than {MaxBoxes} boxes");
        }
    }
}
