namespace MessageGen.Media;

/// <summary>The input and output file names to put in the ffmpeg commands of fix hints.</summary>
internal sealed record FixCommandFiles(string Input, string Output)
{
    /// <summary>Placeholders for a stream whose file name is not known.</summary>
    public static FixCommandFiles Placeholders { get; } = new("in.mp4", "out.mp4");

    /// <summary>The inspected file, and beside it the same name with <c>-whatsapp.mp4</c> for the fixed copy.</summary>
    public static FixCommandFiles For(string path) => For(path, ".mp4");

    /// <summary>The inspected file, and beside it the same name with <c>-whatsapp</c> and <paramref name="outputExtension"/> for the fixed copy.</summary>
    public static FixCommandFiles For(string path, string outputExtension)
    {
        var output = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-whatsapp" + outputExtension);
        return new(QuoteForShell(path), QuoteForShell(output));
    }

    private static string QuoteForShell(string path)
    {
        if (path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '\\' or ':' or '+' or ',' or '@' or '%' or '='))
        {
            return path;
        }

        // POSIX shells expand nothing inside single quotes; cmd and PowerShell take double quotes.
        return OperatingSystem.IsWindows()
            ? "\"" + path + "\""
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
