namespace MessageGen.Media;

/// <summary>
/// One reason why a file does not meet WhatsApp's rules for the message type it was checked against; for a video, a
/// <see cref="VideoProblem"/>.
/// </summary>
public class MediaProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">One of the <see cref="MediaProblemCodes"/>, or of the <see cref="VideoProblemCodes"/> for a video.</param>
    /// <param name="message">What is wrong, in a sentence.</param>
    /// <param name="fixHint">How to fix it (often an ffmpeg command), or <see langword="null"/>.</param>
    public MediaProblem(string code, string message, string? fixHint)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Code = code;
        Message = message;
        FixHint = fixHint;
    }

    /// <summary>The stable code of the rule that failed: one of the <see cref="MediaProblemCodes"/>, or of the <see cref="VideoProblemCodes"/> for a video.</summary>
    public string Code { get; }

    /// <summary>What is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>How to fix it, often the ffmpeg command that writes a file WhatsApp takes; <see langword="null"/> when none helps.</summary>
    public string? FixHint { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
