namespace MessageGen.Media;

/// <summary>
/// A file does not meet WhatsApp's rules for the message type it is meant for; <see cref="Report"/> says why. Thrown
/// before uploading a file that the API would refuse, or that would not show.
/// </summary>
public sealed class IncompatibleMediaException : Exception
{
    /// <summary>Creates the exception for an incompatible file.</summary>
    /// <param name="report">The inspection report; its <see cref="MediaFileReport.Problems"/> are listed in the message.</param>
    public IncompatibleMediaException(MediaFileReport report)
        : base(FormatMessage(report))
    {
        Report = report;
    }

    /// <summary>The inspection report of the refused file.</summary>
    public MediaFileReport Report { get; }

    private static string FormatMessage(MediaFileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProblemList.Describe($"The file cannot be sent as a WhatsApp {report.Kind.ToShortName()} message:", report.Problems);
    }
}
