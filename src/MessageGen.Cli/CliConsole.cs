namespace MessageGen.Cli;

/// <summary>Where a command writes and how it reads the environment; tests pass their own.</summary>
/// <param name="Out">Results: the message id, the JSON body of a dry run.</param>
/// <param name="Error">Errors and progress, kept off the results so that scripts can capture them cleanly.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable such as <c>D360_API_KEY</c>.</param>
/// <param name="OpenStandardInput">Opens standard input, for <c>send --json -</c>; null reads it as empty.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, Func<Stream>? OpenStandardInput = null);

/// <summary>The exit codes of <c>messagegen</c>, as the README's Command line section gives them.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the message was accepted, the file is compatible, the sandbox stopped normally.</summary>
    public const int Success = 0;

    /// <summary>The API rejected the message, or the network failed; the file is not compatible or unreadable; the sandbox could not start.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or an invalid message: nothing was sent.</summary>
    public const int Usage = 2;
}
