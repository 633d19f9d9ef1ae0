using System.Reflection;

namespace MessageGen.PackageTests;

/// <summary>
/// Packs every shipped package once per test run into a temporary feed, as a release build would
/// (<c>ContinuousIntegrationBuild</c>), with a version no earlier run used, so NuGet's global cache can never hand a
/// consumer a stale package.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("messagegen-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        DotNet.Run(RepositoryRoot, [.. PackCommand, Feed, $"-p:PackageVersion={Version}", "-p:ContinuousIntegrationBuild=true"]).ShouldSucceed();
    }

    /// <summary>The README's pack command, up to its output folder.</summary>
    public static IReadOnlyList<string> PackCommand { get; } = ["pack", "MessageGen.sln", "-c", "Release", "-o"];

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The Roslyn version the generator and analyzers are built against: the oldest compiler that must load them.</summary>
    public static string RoslynVersion { get; } = Metadata("RoslynVersion");

    /// <summary>The Roslyn version the code fixes are built against: the oldest IDE that must load them.</summary>
    public static string CodeFixesRoslynVersion { get; } = Metadata("CodeFixesRoslynVersion");

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>Creates a fresh consumer project that references the packed MessageGen package.</summary>
    public Consumer CreateConsumer(string name, string targetFramework = "net10.0", string extraProperties = "", string extraItems = "", string extraProjectXml = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="messagegen-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MessageGen" Version="{Version}" />
                {extraItems}
              </ItemGroup>
              {extraProjectXml}
            </Project>
            """);
        return new Consumer(directory);
    }

    private static string Metadata(string key)
        => typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up by the OS.
        }
    }
}

public sealed record Consumer(string Directory)
{
    public Consumer WithFile(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    internal CommandResult Build(params string[] extra) => DotNet.Run(Directory, ["build", "-c", "Release", "--nologo", .. extra]);

    internal CommandResult Run(IReadOnlyDictionary<string, string>? environment = null)
        => DotNet.Run(Directory, environment ?? new Dictionary<string, string>(), "run", "-c", "Release", "--no-build");
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Packed packages";
}
