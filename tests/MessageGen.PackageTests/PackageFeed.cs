using System.Reflection;

namespace MessageGen.PackageTests;

/// <summary>
/// Packs MessageGen and MessageGen.Runtime once per test run into a temporary feed, with a version no earlier run
/// used, so NuGet's global cache can never hand a consumer a stale package.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("messagegen-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        foreach (var project in new[] { "src/MessageGen.Package", "src/MessageGen.Runtime" })
        {
            DotNet.Run(RepositoryRoot, "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}").ShouldSucceed();
        }
    }

    public static string RepositoryRoot { get; } = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>Creates a fresh consumer project that references the packed MessageGen package.</summary>
    public Consumer CreateConsumer(string name, string targetFramework = "net10.0", string extraProperties = "", string extraItems = "")
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
            </Project>
            """);
        return new Consumer(directory);
    }

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
