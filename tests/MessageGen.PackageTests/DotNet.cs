using System.Diagnostics;
using System.Text;

namespace MessageGen.PackageTests;

/// <summary>Runs the dotnet CLI the way a user would, capturing everything it prints.</summary>
internal static class DotNet
{
    // Only a guard against a hang: a whole-solution pack beside other test runs on two busy cores can take minutes.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(20);

    public static CommandResult Run(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string>(), arguments);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        => Command.Run("dotnet", arguments, s_timeout, workingDirectory, environment);
}

/// <summary>Runs a program to its end, capturing everything it prints.</summary>
internal static class Command
{
    public static CommandResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(program, arguments, workingDirectory, environment, out var output);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts a program and leaves it running; <paramref name="output"/> fills as it prints (lock it to read).</summary>
    public static Process Start(string program, IEnumerable<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, out StringBuilder output)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
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
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var captured = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (captured) { captured.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (captured) { captured.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
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
