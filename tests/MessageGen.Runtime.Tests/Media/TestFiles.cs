using System.Buffers.Binary;
using System.Text;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>Builds test inputs from fixtures and raw boxes.</summary>
internal static class TestFiles
{
    /// <summary>A box with a 32-bit size.</summary>
    public static byte[] Box(string type, params byte[] payload)
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4));
        payload.CopyTo(box, 8);
        return box;
    }

    /// <summary>A box header with whatever size field the test wants, followed by <paramref name="payload"/>.</summary>
    public static byte[] RawBox(uint sizeField, string type, params byte[] payload)
    {
        var box = Box(type, payload);
        BinaryPrimitives.WriteUInt32BigEndian(box, sizeField);
        return box;
    }

    public static byte[] Ftyp(string majorBrand = "isom", params string[] compatibleBrands) =>
        Box("ftyp", [.. Encoding.ASCII.GetBytes(majorBrand), 0, 0, 2, 0, .. compatibleBrands.SelectMany(Encoding.ASCII.GetBytes)]);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Appends a <c>free</c> box of <paramref name="boxSize"/> bytes; on disk its body is a sparse hole.</summary>
    public static void AppendSparseFreeBox(Stream stream, long boxSize)
    {
        var start = stream.Length;
        stream.Position = start;
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)boxSize));
        Encoding.ASCII.GetBytes("free", header.AsSpan(4));
        stream.Write(header);
        stream.SetLength(start + boxSize);
    }

    /// <summary>Overwrites the first occurrence of a four-character code (a box or sample entry type).</summary>
    public static void ReplaceFourCc(byte[] file, string from, string to)
    {
        var index = file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(from));
        Assert.True(index >= 0, $"'{from}' is not in the file");
        Encoding.ASCII.GetBytes(to, file.AsSpan(index));
    }

    /// <summary>
    /// Turns the first video sample entry (<c>avc1</c>) into a protected one (<c>encv</c>) whose <c>sinf/frma</c>
    /// names the original format, as Common Encryption does, growing every enclosing box to match.
    /// </summary>
    public static byte[] WithEncryptedVideoEntry(byte[] file)
    {
        string[] path = ["moov", "trak", "mdia", "minf", "stbl", "stsd", "avc1"];
        var starts = new List<int>();
        var searchFrom = 0;
        foreach (var type in path)
        {
            var index = file.AsSpan(searchFrom).IndexOf(Encoding.ASCII.GetBytes(type));
            Assert.True(index >= 0, $"'{type}' is not in the file");
            starts.Add(searchFrom + index - 4);
            searchFrom += index + 4;
        }

        var sinf = Box("sinf", Box("frma", Encoding.ASCII.GetBytes("avc1")));
        var entryStart = starts[^1];
        var entryEnd = entryStart + (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(entryStart));
        var result = Concat(file[..entryEnd], sinf, file[entryEnd..]);
        foreach (var start in starts)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(start));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(start), size + (uint)sinf.Length);
        }

        Encoding.ASCII.GetBytes("encv", result.AsSpan(entryStart + 4));
        return result;
    }
}

/// <summary>A stream that reads but cannot seek, like a network response body.</summary>
internal sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
