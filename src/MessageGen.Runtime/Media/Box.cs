namespace MessageGen.Media;

/// <summary>A box header: where the box starts (relative to the buffer or file it was read from) and how big it is.</summary>
internal readonly record struct Box(uint Type, long Start, int HeaderSize, long Size)
{
    public long PayloadStart => Start + HeaderSize;

    public long End => Start + Size;
}
