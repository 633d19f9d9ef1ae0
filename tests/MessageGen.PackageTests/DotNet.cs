using System.Diagnostics;
using System.Text;

namespace MessageGen.PackageTests;

/// <summary>Runs the dotnet CLI the way a user would, capturing everything it prints.</summary>
internal static class DotNet
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    public static CommandResult Run(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string>(), arguments);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A nested build must not join the outer build's MSBuild nodes or inherit its test settings.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {s_timeout}:\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }
}

internal sealed record CommandResult(int ExitCode, string Output)
{
    public CommandResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"Expected success but the exit code was {ExitCode}:\n{Output}");
        return this;
    }

    public CommandResult ShouldFail()
    {
        Assert.True(ExitCode != 0, $"Expected a failure but the command succeeded:\n{Output}");
        return this;
    }
}
