using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MessageGen.Testing;

/// <summary>
/// A real PostgreSQL cluster made with <c>initdb</c> in a temporary directory and run with <c>pg_ctl</c> on 127.0.0.1 on a
/// free port (as the <c>postgres</c> user when the tests run as root, since PostgreSQL refuses root); stopped and deleted
/// on dispose. Fails with a clear message when PostgreSQL is not installed: these tests never skip silently.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _directory;
    private int _databases;

    private PostgresServer(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string of the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringOf("postgres");

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's initdb and pg_ctl were not found (PATH, /usr/lib/postgresql/*/bin). The outbox tests need a real " +
            "PostgreSQL: install it (apt-get install -y postgresql) and run the tests again.");
        var directory = Path.Combine(Path.GetTempPath(), "messagegen-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(binaries, directory, FreePort());
        try
        {
            await server.RunAsync("chown", "postgres", directory).ConfigureAwait(false);
            await server.RunPostgresToolAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync").ConfigureAwait(false);
            await server.RunPostgresToolAsync(
                "pg_ctl", "-D", server.DataDirectory, "-w", "-t", "60", "-l", Path.Combine(directory, "server.log"),
                "-o", $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200",
                "start").ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionStringOf(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(DataDirectory) && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop").ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string ConnectionStringOf(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=50";

    private Task RunPostgresToolAsync(string tool, params string[] arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binaries, tool), .. arguments])
            : RunAsync(Path.Combine(_binaries, tool), arguments);

    private async Task RunAsync(string program, params string[] arguments)
    {
        if (program == "chown" && !IsRoot)
        {
            return;
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }
}
