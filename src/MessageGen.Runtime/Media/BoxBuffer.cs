using System.Buffers.Binary;

namespace MessageGen.Media;

/// <summary>
/// A box (such as <c>moov</c>) read whole into memory, walked child by child. Every read is bounds-checked against
/// the enclosing box: out-of-range data throws <see cref="MalformedMediaException"/> with the absolute file offset.
/// </summary>
/// <param name="data">The box, header included.</param>
/// <param name="header">Its header, as read from the file (the reader has already checked it).</param>
/// <param name="budget">The inspection's limits on boxes and time.</param>
internal sealed class BoxBuffer(byte[] data, Box header, ParseBudget budget)
{
    private readonly long _fileOffset = header.Start;

    /// <summary>The box that fills the whole buffer, at offset 0.</summary>
    public Box Root { get; } = header with { Start = 0 };

    /// <summary>The children of <paramref name="parent"/> starting <paramref name="skip"/> bytes into its payload.</summary>
    public IEnumerable<Box> Children(Box parent, int skip = 0)
    {
        var position = parent.PayloadStart + skip;
        if (position > parent.End)
        {
            throw Malformed(parent.Start, $"box {BoxTypes.Describe(parent.Type)} is too small for its fields ({parent.Size} bytes)");
        }

        // A few bytes too short for a header are tolerated at the end of a box: QuickTime ends some lists with a 32-bit zero.
        while (parent.End - position >= 8)
        {
            budget.CountBox(_fileOffset + position);
            var child = ReadHeader(position, parent);
            yield return child;
            position = child.End;
        }
    }

    /// <summary>The first child of the given type, or <see langword="null"/>; all children before it are validated.</summary>
    public Box? FindChild(Box parent, uint type, int skip = 0)
    {
        foreach (var child in Children(parent, skip))
        {
            if (child.Type == type)
            {
                return child;
            }
        }

        return null;
    }

    public byte ReadByte(Box box, long offsetInPayload) => Slice(box, offsetInPayload, 1)[0];

    public ushort ReadUInt16(Box box, long offsetInPayload) => BinaryPrimitives.ReadUInt16BigEndian(Slice(box, offsetInPayload, 2));

    public uint ReadUInt32(Box box, long offsetInPayload) => BinaryPrimitives.ReadUInt32BigEndian(Slice(box, offsetInPayload, 4));

    /// <summary>The payload bytes of <paramref name="box"/> from <paramref name="offsetInPayload"/> to its end.</summary>
    public ReadOnlySpan<byte> Payload(Box box, long offsetInPayload = 0) =>
        Slice(box, offsetInPayload, box.Size - box.HeaderSize - offsetInPayload);

    public MalformedMediaException Malformed(long bufferPosition, string reason) => new(_fileOffset + bufferPosition, reason);

    private ReadOnlySpan<byte> Slice(Box box, long offsetInPayload, long length)
    {
        var payloadLength = box.Size - box.HeaderSize;
        if (offsetInPayload < 0 || length < 0 || offsetInPayload > payloadLength - length)
        {
            throw Malformed(box.Start, $"box {BoxTypes.Describe(box.Type)} ({box.Size} bytes) is too small for its fields");
        }

        return data.AsSpan((int)(box.PayloadStart + offsetInPayload), (int)length);
    }

    private Box ReadHeader(long position, Box parent)
    {
        var available = parent.End - position;
        var span = data.AsSpan((int)position, (int)Math.Min(available, 24));
        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(span);
        var type = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var headerSize = 8;
        if (size == 1)
        {
            if (span.Length < 16)
            {
                throw Malformed(position, $"box {BoxTypes.Describe(type)} has a 64-bit size but its header is cut off");
            }

            var largeSize = BinaryPrimitives.ReadUInt64BigEndian(span[8..]);
            size = largeSize > long.MaxValue ? long.MaxValue : (long)largeSize;
            headerSize = 16;
        }
        else if (size == 0)
        {
            // Size 0 means "to the end of the enclosing box" (ffmpeg reads it that way inside containers too).
            size = available;
        }

        if (type == BoxTypes.Uuid)
        {
            headerSize += 16;
        }

        if (size < headerSize)
        {
            throw Malformed(position, $"box {BoxTypes.Describe(type)} has size {size}, smaller than its {headerSize}-byte header");
        }

        if (size > available)
        {
            throw Malformed(position,
                $"box {BoxTypes.Describe(type)} claims {size} bytes but its parent {BoxTypes.Describe(parent.Type)} has only {available} bytes left (it ends at byte offset {_fileOffset + parent.End})");
        }

        return new Box(type, position, headerSize, size);
    }
}
