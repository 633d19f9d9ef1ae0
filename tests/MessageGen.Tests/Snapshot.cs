using System.Reflection;
using MessageGen.Generator;

namespace MessageGen.Tests;

/// <summary>
/// Generated code is checked in under Snapshots/ so that every change to it is reviewed.
/// Set MESSAGEGEN_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change.
/// </summary>
internal static class Snapshot
{
    /// <summary>The generator's version is written into the code; a new version alone must not fail every snapshot.</summary>
    private static readonly string s_version = typeof(SchemaGenerator).Assembly.GetName().Version!.ToString();

    private static readonly string s_directory = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SnapshotDirectory").Value!;

    public static void AssertMatches(string relativePath, string generated)
    {
        var actual = generated.Replace($"\"MessageGen\", \"{s_version}\"", "\"MessageGen\", \"(version)\"", StringComparison.Ordinal);
        var path = Path.Combine(s_directory, relativePath);
        if (Environment.GetEnvironmentVariable("MESSAGEGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run with MESSAGEGEN_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
