namespace MessageGen.Media;

/// <summary>One reason why a video file does not meet WhatsApp's rules.</summary>
public sealed class VideoProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">One of the <see cref="VideoProblemCodes"/>.</param>
    /// <param name="message">What is wrong, in a sentence.</param>
    /// <param name="fixHint">How to fix it (usually an ffmpeg command), or <see langword="null"/>.</param>
    public VideoProblem(string code, string message, string? fixHint)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Code = code;
        Message = message;
        FixHint = fixHint;
    }

    /// <summary>The stable code of the rule that failed; one of the <see cref="VideoProblemCodes"/>.</summary>
    public string Code { get; }

    /// <summary>What is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>How to fix it, usually the ffmpeg command that writes a compatible file; <see langword="null"/> when none helps.</summary>
    public string? FixHint { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
