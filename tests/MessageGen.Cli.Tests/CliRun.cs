using System.Text;

namespace MessageGen.Cli.Tests;

/// <summary>Runs <c>messagegen</c> in-process with captured output and a given environment.</summary>
internal sealed class CliRun
{
    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public static async Task<CliRun> RunAsync(
        string[] args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default, byte[]? standardInput = null)
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        var exitCode = await MessageGenCommand.RunAsync(args, Console(output, error, environment, standardInput), cancellationToken);
        return new CliRun(exitCode, output.Text, error.Text);
    }

    public static CliConsole Console(
        TextWriter output, TextWriter error, IReadOnlyDictionary<string, string>? environment = null, byte[]? standardInput = null) =>
        new(
            output,
            error,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            () => new MemoryStream(standardInput ?? [], writable: false));

    public override string ToString() => $"exit {ExitCode}; out: {Output}; err: {Error}";
}

/// <summary>A text writer another thread can read while a command writes to it.</summary>
internal sealed class SharedWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }
}
