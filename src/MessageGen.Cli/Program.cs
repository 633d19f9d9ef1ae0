namespace MessageGen.Cli;

/// <summary>The <c>messagegen</c> command.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        MessageGenCommand.RunAsync(args, new CliConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Console.OpenStandardInput));
}
