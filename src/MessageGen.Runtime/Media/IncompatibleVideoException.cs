namespace MessageGen.Media;

/// <summary>
/// A video file does not meet WhatsApp's rules; <see cref="Report"/> says why. Thrown before uploading a file that
/// would upload fine and then not play.
/// </summary>
public sealed class IncompatibleVideoException : Exception
{
    /// <summary>Creates the exception for an incompatible file.</summary>
    /// <param name="report">The inspection report; its <see cref="VideoFileReport.Problems"/> are listed in the message.</param>
    public IncompatibleVideoException(VideoFileReport report)
        : base(FormatMessage(report))
    {
        Report = report;
    }

    /// <summary>The inspection report of the refused file.</summary>
    public VideoFileReport Report { get; }

    private static string FormatMessage(VideoFileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProblemList.Describe("The video is not compatible with WhatsApp:", report.Problems);
    }
}
