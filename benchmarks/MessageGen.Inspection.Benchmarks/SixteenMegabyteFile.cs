using MessageGen.Testing;
using System.Buffers.Binary;
using System.Text;
using MessageGen.Media;

namespace MessageGen.Inspection.Benchmarks;

/// <summary>
/// A 16 MiB MP4 with <c>moov</c> first: the <c>ftyp</c> and <c>moov</c> of the main.mp4 fixture followed by an
/// <c>mdat</c> that fills the file to <see cref="VideoFileInspector.MaxCompatibleFileSize"/>.
/// </summary>
internal static class SixteenMegabyteFile
{
    public static string Create()
    {
        var fixture = ReadFixture();
        var path = Path.Combine(Path.GetTempPath(), $"messagegen-inspect-{Guid.NewGuid():N}.mp4");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        foreach (var type in new[] { "ftyp", "moov" })
        {
            file.Write(TopLevelBox(fixture, type));
        }

        var mdatSize = VideoFileInspector.MaxCompatibleFileSize - file.Position;
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)mdatSize));
        Encoding.ASCII.GetBytes("mdat", header.AsSpan(4));
        file.Write(header);

        // Real bytes rather than a sparse hole, so the file is what a 16 MiB upload would be on disk.
        var chunk = new byte[1024 * 1024];
        Random.Shared.NextBytes(chunk);
        for (var remaining = mdatSize - header.Length; remaining > 0; remaining -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, remaining));
        }

        return path;
    }

    /// <summary>How many bytes one inspection of <paramref name="path"/> reads, counted below any buffering.</summary>
    public static long BytesReadByInspection(string path)
    {
        using var counting = new CountingStream(OpenUnbuffered(path));
        var report = VideoFileInspector.Inspect(counting);
        if (!report.IsCompatible)
        {
            throw new InvalidOperationException("The benchmark file should be compatible: " + string.Join("; ", report.Problems));
        }

        return counting.BytesRead;
    }

    public static FileStream OpenUnbuffered(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

    private static byte[] ReadFixture()
    {
        using var resource = typeof(SixteenMegabyteFile).Assembly.GetManifestResourceStream("main.mp4")
            ?? throw new InvalidOperationException("The main.mp4 fixture is not embedded.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] TopLevelBox(byte[] file, string type)
    {
        for (var position = 0; position + 8 <= file.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
            if (Encoding.ASCII.GetString(file, position + 4, 4) == type)
            {
                return file[position..(position + size)];
            }

            position += size;
        }

        throw new InvalidOperationException($"The fixture has no '{type}' box.");
    }
}
