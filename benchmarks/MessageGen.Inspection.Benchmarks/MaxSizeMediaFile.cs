using System.Buffers.Binary;
using MessageGen.Media;
using MessageGen.Testing;

namespace MessageGen.Inspection.Benchmarks;

/// <summary>
/// A media fixture (tests/fixtures/media) grown to the largest size its kind allows: a sparse hole after the data, or
/// for an MP4-family file a <c>free</c> box over that hole, so the file is as large as WhatsApp takes.
/// </summary>
internal static class MaxSizeMediaFile
{
    /// <summary>Each fixture, and the size it is grown to.</summary>
    public static IReadOnlyDictionary<string, long> Sizes { get; } = new Dictionary<string, long>
    {
        ["photo.jpg"] = MediaFileInspector.MaxImageSize,
        ["photo.png"] = MediaFileInspector.MaxImageSize,
        ["sticker.webp"] = MediaFileInspector.MaxStaticStickerSize,
        ["sticker-animated.webp"] = MediaFileInspector.MaxAnimatedStickerSize,
        ["tone.aac"] = MediaFileInspector.MaxAudioSize,
        ["tone.mp3"] = MediaFileInspector.MaxAudioSize,
        ["voice.ogg"] = MediaFileInspector.MaxAudioSize,
        ["tone.m4a"] = MediaFileInspector.MaxAudioSize,
        ["document.pdf"] = MediaFileInspector.MaxDocumentSize,
        ["document.docx"] = MediaFileInspector.MaxDocumentSize,
    };

    public static string Create(string name)
    {
        var fixture = File.ReadAllBytes(Path.Combine(FixtureDirectory(), name));
        var path = Path.Combine(Path.GetTempPath(), $"messagegen-inspect-{Guid.NewGuid():N}{Path.GetExtension(name)}");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(fixture);
        if (name.EndsWith(".m4a", StringComparison.Ordinal))
        {
            // Top-level boxes must cover the whole file: the hole is the body of a free box.
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)(Sizes[name] - file.Position)));
            "free"u8.CopyTo(header.AsSpan(4));
            file.Write(header);
        }

        file.SetLength(Sizes[name]);
        return path;
    }

    /// <summary>How many bytes one inspection of <paramref name="path"/> reads, counted below any buffering.</summary>
    public static long BytesReadByInspection(string path)
    {
        using var counting = new CountingStream(OpenUnbuffered(path));
        var report = MediaFileInspector.Inspect(counting);
        if (!report.IsCompatible)
        {
            throw new InvalidOperationException($"The benchmark file {path} should be compatible: " + string.Join("; ", report.Problems));
        }

        return counting.BytesRead;
    }

    public static FileStream OpenUnbuffered(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

    /// <summary>The fixtures in the source tree, found upwards from wherever BenchmarkDotNet runs the benchmark.</summary>
    private static string FixtureDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var fixtures = Path.Combine(directory.FullName, "tests", "fixtures", "media");
            if (Directory.Exists(fixtures))
            {
                return fixtures;
            }
        }

        throw new DirectoryNotFoundException($"No tests/fixtures/media above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }
}
