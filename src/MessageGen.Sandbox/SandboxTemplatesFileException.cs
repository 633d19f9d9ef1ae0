namespace MessageGen.Sandbox;

/// <summary>The templates file (<see cref="SandboxOptions.TemplatesFile"/>) could not be read or is not in the API's shape; the sandbox did not start.</summary>
public sealed class SandboxTemplatesFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>, saying what is wrong.</summary>
    public SandboxTemplatesFileException(string path, string problem, Exception? innerException = null)
        : base($"Templates file '{path}': {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file, as given.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, e.g. <c>waba_templates[2].components[0]: a HEADER needs a "format"</c>.</summary>
    public string Problem { get; }
}
