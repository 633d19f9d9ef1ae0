namespace MessageGen.Media;

/// <summary>One reason why a video file does not meet WhatsApp's rules: a <see cref="MediaProblem"/> with one of the <see cref="VideoProblemCodes"/>.</summary>
public sealed class VideoProblem : MediaProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">One of the <see cref="VideoProblemCodes"/>.</param>
    /// <param name="message">What is wrong, in a sentence.</param>
    /// <param name="fixHint">How to fix it (usually an ffmpeg command), or <see langword="null"/>.</param>
    public VideoProblem(string code, string message, string? fixHint)
        : base(code, message, fixHint)
    {
    }
}
