using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace MessageGen.PackageTests;

/// <summary>What is inside the packages <c>dotnet pack MessageGen.sln</c> makes: metadata, symbols, SourceLink, and analyzers a compiler host can load.</summary>
[Collection(PackageFeedCollection.Name)]
public class PackageContentsTests(PackageFeed feed)
{
    private const string RepositoryUrl = "https://github.com/messagegen/messagegen";

    /// <summary>SourceLink's custom debug information kind.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly string[] ShippedPackages = ["MessageGen", "MessageGen.Runtime", "MessageGen.Sandbox", "MessageGen.Cli", "MessageGen.AspNetCore", "MessageGen.Redis", "MessageGen.Outbox"];

    public static TheoryData<string> PackageIds() => new(ShippedPackages);

    [Fact]
    public void Packing_the_solution_makes_exactly_the_shipped_packages_and_their_symbol_packages()
    {
        var files = Directory.GetFiles(feed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        string[] expected =
        [
            .. ShippedPackages.Select(id => $"{id}.{feed.Version}.nupkg"),
            // MessageGen has none: its analyzer DLLs embed their PDBs.
            .. ShippedPackages.Where(id => id != "MessageGen").Select(id => $"{id}.{feed.Version}.snupkg"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_package_has_full_metadata(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        var nuspec = Nuspec(package, id);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? "";

        Assert.Equal(feed.Version, Value("version"));
        Assert.True(Value("description").Length > 40, $"{id}: the description is missing or too short: '{Value("description")}'");
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Contains("whatsapp", Value("tags"), StringComparison.Ordinal);
        Assert.Equal(RepositoryUrl, Value("projectUrl"));
        Assert.Equal("README.md", Value("readme"));
        Assert.NotNull(package.GetEntry("README.md"));

        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")!.Value);
        Assert.Equal(HeadCommit, repository.Attribute("commit")!.Value);
    }

    [Fact]
    public void MessageGen_depends_on_the_runtime_of_the_same_version_and_ships_generator_schemas_and_props()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath("MessageGen"));
        var nuspec = Nuspec(package, "MessageGen");
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();

        Assert.NotEmpty(dependencies);
        Assert.All(dependencies, d => Assert.Equal(("MessageGen.Runtime", feed.Version), (d.Attribute("id")!.Value, d.Attribute("version")!.Value)));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "analyzers/dotnet/cs/MessageGen.dll",
                "analyzers/dotnet/cs/MessageGen.CodeFixes.dll",
                "buildTransitive/MessageGen.props",
                "buildTransitive/MessageGen.targets",
                "schema/video-message.schema.json",
                "schema/send-message-response.schema.json",
            },
            entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_MessageGen_assembly_is_deterministic_and_its_symbols_map_to_the_repository_at_the_commit_built(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        var symbolPath = feed.PackagePath(id, "snupkg");
        using var symbols = File.Exists(symbolPath) ? ZipFile.OpenRead(symbolPath) : null;
        var assemblies = package.Entries
            .Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) && e.Name.StartsWith("messagegen", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(assemblies);

        foreach (var assembly in assemblies)
        {
            using var pe = new PEReader(new MemoryStream(Read(assembly)));
            var debugDirectory = pe.ReadDebugDirectory();
            Assert.True(debugDirectory.Any(e => e.Type == DebugDirectoryEntryType.Reproducible), $"{id}: {assembly.FullName} was not built deterministically.");

            using var pdb = OpenPdb(pe, debugDirectory, assembly.FullName, package, symbols);
            Assert.True(pdb is not null, $"{id}: no PDB for {assembly.FullName}, neither embedded nor beside it nor in the symbol package.");
            var reader = pdb.GetMetadataReader();

            // ContinuousIntegrationBuild: no path of the build machine in the PDB, and every document covered by SourceLink.
            var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));

            var sourceLink = reader.CustomDebugInformation
                .Select(reader.GetCustomDebugInformation)
                .Where(c => reader.GetGuid(c.Kind) == SourceLinkKind)
                .Select(c => reader.GetBlobBytes(c.Value))
                .SingleOrDefault();
            Assert.True(sourceLink is not null, $"{id}: {assembly.FullName} has no SourceLink map.");
            var map = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents");
            Assert.Equal(
                $"https://raw.githubusercontent.com/messagegen/messagegen/{HeadCommit}/*",
                map.GetProperty("/_/*").GetString());
        }
    }

    /// <summary>
    /// A compiler host (the .NET SDK, or Visual Studio on .NET Framework) gives analyzers only what Roslyn itself uses.
    /// So each DLL may reference nothing but the others beside it, netstandard 2.0, the Roslyn it is built against (the
    /// oldest host it supports) and the assemblies that Roslyn references, at no higher version than it does;
    /// System.Text.Json, for one, is not among them.
    /// </summary>
    [Theory]
    [InlineData("MessageGen.dll")]
    [InlineData("MessageGen.CodeFixes.dll")]
    public void The_analyzers_reference_nothing_their_oldest_host_lacks(string file)
    {
        var isCodeFixes = file == "MessageGen.CodeFixes.dll";
        var roslyn = isCodeFixes ? PackageFeed.CodeFixesRoslynVersion : PackageFeed.RoslynVersion;
        var allowed = RoslynAssemblyReferences(roslyn, includeWorkspaces: isCodeFixes);
        using var package = ZipFile.OpenRead(feed.PackagePath("MessageGen"));
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)).ToList();
        Assert.All(analyzers, e => Assert.StartsWith("analyzers/dotnet/cs/", e.FullName, StringComparison.Ordinal));
        var shippedTogether = analyzers.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.Ordinal);

        using var pe = new PEReader(new MemoryStream(Read(package.GetEntry("analyzers/dotnet/cs/" + file)!)));
        var reader = pe.GetMetadataReader();
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(reader));
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            if (shippedTogether.Contains(name))
            {
                continue;
            }

            Assert.True(allowed.TryGetValue(name, out var highest), $"{file} references {name}, which a compiler host does not provide; ship it beside the analyzers or avoid it.");
            Assert.True(reference.Version <= highest, $"{file} references {name} {reference.Version}; Roslyn {roslyn} hosts have {highest}.");
        }
    }

    private static string HeadCommit { get; } = Command.Run("git", ["-C", PackageFeed.RepositoryRoot, "rev-parse", "HEAD"], TimeSpan.FromMinutes(1))
        .ShouldSucceed().Output.Trim();

    /// <summary>Netstandard 2.0 and what one Roslyn version's assemblies reference (themselves included), with the highest version seen.</summary>
    private static Dictionary<string, Version> RoslynAssemblyReferences(string roslynVersion, bool includeWorkspaces)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var allowed = new Dictionary<string, Version>(StringComparer.Ordinal) { ["netstandard"] = new(2, 0, 0, 0) };
        var roslyn = new List<(string Package, string Assembly)>
        {
            ("microsoft.codeanalysis.common", "Microsoft.CodeAnalysis"),
            ("microsoft.codeanalysis.csharp", "Microsoft.CodeAnalysis.CSharp"),
        };
        if (includeWorkspaces)
        {
            roslyn.Add(("microsoft.codeanalysis.workspaces.common", "Microsoft.CodeAnalysis.Workspaces"));
            roslyn.Add(("microsoft.codeanalysis.csharp.workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces"));
        }

        foreach (var (package, assembly) in roslyn)
        {
            var path = Path.Combine(packages, package, roslynVersion, "lib", "netstandard2.0", assembly + ".dll");
            Assert.True(File.Exists(path), $"Roslyn {roslynVersion} is not in the NuGet cache at {path}; restore the solution first.");
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            Allow(assembly, reader.GetAssemblyDefinition().Version);
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                Allow(reader.GetString(reference.Name), reference.Version);
            }
        }

        return allowed;

        void Allow(string name, Version version)
        {
            if (!allowed.TryGetValue(name, out var known) || known < version)
            {
                allowed[name] = version;
            }
        }
    }

    private static MetadataReaderProvider? OpenPdb(PEReader pe, IEnumerable<DebugDirectoryEntry> debugDirectory, string assemblyPath, ZipArchive package, ZipArchive? symbols)
    {
        var embedded = debugDirectory.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (embedded.DataSize > 0)
        {
            return pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        }

        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        var entry = package.GetEntry(pdbPath) ?? symbols?.GetEntry(pdbPath);
        return entry is null ? null : MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Read(entry)));
    }

    private static string? TargetFramework(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                var value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog
                return value.ReadSerializedString();
            }
        }

        return null;
    }

    private static XDocument Nuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
