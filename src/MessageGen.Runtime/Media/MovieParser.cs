using System.Buffers.Binary;
using System.Numerics;

namespace MessageGen.Media;

/// <summary>
/// Reads the track facts out of an in-memory <c>moov</c> box, and composition offsets out of <c>moof</c> boxes.
/// Only the boxes on the path to those facts are walked (ISO/IEC 14496-12; QuickTime File Format for <c>wave</c>).
/// </summary>
internal static class MovieParser
{
    // Sizes of the fixed fields that precede a sample entry's child boxes (ISO/IEC 14496-12 §12.1.3, §12.2.3).
    private const int VisualSampleEntryFields = 78;
    private const int AudioSampleEntryFields = 28;

    // QuickTime sound sample description versions 1 and 2 append 16 and 36 bytes of fields.
    private const int QuickTimeSoundV1Extra = 16;
    private const int QuickTimeSoundV2Extra = 36;

    private const uint TrunDataOffsetPresent = 0x000001;
    private const uint TrunFirstSampleFlagsPresent = 0x000004;
    private const uint TrunPerSampleFieldsBeforeOffset = 0x000700; // duration, size and flags, 4 bytes each
    private const uint TrunCompositionOffsetPresent = 0x000800;

    public static List<TrackFacts> ParseMovie(BoxBuffer moov, bool quickTimeLayout)
    {
        var tracks = new List<TrackFacts>();
        foreach (var child in moov.Children(moov.Root))
        {
            if (child.Type == BoxTypes.Trak)
            {
                tracks.Add(ParseTrack(moov, child, quickTimeLayout));
            }
        }

        return tracks;
    }

    /// <summary>Marks video tracks whose fragment runs store frames out of display order.</summary>
    public static void ParseFragment(BoxBuffer moof, IReadOnlyList<TrackFacts> tracks)
    {
        foreach (var traf in moof.Children(moof.Root))
        {
            if (traf.Type != BoxTypes.Traf)
            {
                continue;
            }

            TrackFacts? track = null;
            foreach (var child in moof.Children(traf))
            {
                if (child.Type == BoxTypes.Tfhd)
                {
                    var trackId = moof.ReadUInt32(child, 4);
                    track = tracks.FirstOrDefault(t => t.TrackId == trackId);
                }
                else if (child.Type == BoxTypes.Trun && track is { IsVideo: true, HasBFrames: false })
                {
                    track.HasBFrames = RunHasVaryingCompositionOffsets(moof, child);
                }
            }
        }
    }

    private static TrackFacts ParseTrack(BoxBuffer buffer, Box trak, bool quickTimeLayout)
    {
        var facts = new TrackFacts();
        Box? mdia = null;
        foreach (var child in buffer.Children(trak))
        {
            if (child.Type == BoxTypes.Tkhd)
            {
                var version = buffer.ReadByte(child, 0);
                facts.TrackId = buffer.ReadUInt32(child, version == 1 ? 20 : 12);
            }
            else if (child.Type == BoxTypes.Mdia)
            {
                mdia = child;
            }
        }

        if (mdia is not { } media)
        {
            throw buffer.Malformed(trak.Start, "a track ('trak') has no media box ('mdia')");
        }

        Box? hdlr = null, minf = null;
        foreach (var child in buffer.Children(media))
        {
            if (child.Type == BoxTypes.Hdlr)
            {
                hdlr = child;
            }
            else if (child.Type == BoxTypes.Minf)
            {
                minf = child;
            }
        }

        if (hdlr is not { } handler)
        {
            throw buffer.Malformed(media.Start, $"track {facts.TrackId} has no handler box ('hdlr')");
        }

        // hdlr: version and flags (4), pre_defined (4), handler_type (4).
        facts.HandlerType = BoxTypes.ToText(buffer.ReadUInt32(handler, 8));

        var sampleTable = minf is { } info ? buffer.FindChild(info, BoxTypes.Stbl) : null;
        if (sampleTable is not { } stbl)
        {
            throw buffer.Malformed(media.Start, $"track {facts.TrackId} has no sample table ('stbl')");
        }

        foreach (var child in buffer.Children(stbl))
        {
            if (child.Type == BoxTypes.Stsd)
            {
                ParseSampleDescription(buffer, child, facts, quickTimeLayout);
            }
            else if (child.Type == BoxTypes.Ctts)
            {
                facts.HasBFrames = HasVaryingCompositionOffsets(buffer, child);
            }
        }

        return facts;
    }

    private static void ParseSampleDescription(BoxBuffer buffer, Box stsd, TrackFacts facts, bool quickTimeLayout)
    {
        // stsd: version and flags (4), entry_count (4), then the entries; the first one describes the track.
        if (buffer.ReadUInt32(stsd, 4) == 0)
        {
            return;
        }

        Box? firstEntry = null;
        foreach (var child in buffer.Children(stsd, skip: 8))
        {
            firstEntry = child;
            break;
        }

        if (firstEntry is not { } entry)
        {
            throw buffer.Malformed(stsd.Start, $"track {facts.TrackId} announces sample entries but 'stsd' holds none");
        }

        var childrenOffset = MediaTrack.KindOf(facts.HandlerType) switch
        {
            MediaTrackKind.Video => VisualSampleEntryFields,
            MediaTrackKind.Audio => AudioSampleEntryFields + (quickTimeLayout ? QuickTimeSoundExtra(buffer, entry) : 0),
            _ => -1, // other sample entries (text, timecode, ...) have layouts not needed here
        };

        var type = entry.Type;
        if ((type == BoxTypes.Encv || type == BoxTypes.Enca) && childrenOffset >= 0
            && buffer.FindChild(entry, BoxTypes.Sinf, childrenOffset) is { } sinf
            && buffer.FindChild(sinf, BoxTypes.Frma) is { } frma)
        {
            type = buffer.ReadUInt32(frma, 0);
        }

        var typeText = BoxTypes.ToText(type);
        facts.SampleEntryType = typeText;
        facts.Codec = CodecNames.FromSampleEntry(typeText);
        if (childrenOffset < 0)
        {
            return;
        }

        if (facts.Codec == "h264" && buffer.FindChild(entry, BoxTypes.AvcC, childrenOffset) is { } avcC)
        {
            // avcC: configurationVersion (1), AVCProfileIndication (1), ...
            facts.H264Profile = CodecNames.H264Profile(buffer.ReadByte(avcC, 1));
        }
        else if (typeText is "mp4a" or "mp4v" && FindEsds(buffer, entry, childrenOffset) is { } esds
            && ReadObjectType(buffer, esds) is { } objectType)
        {
            facts.Codec = CodecNames.FromObjectType(objectType) ?? facts.Codec;
        }
    }

    private static int QuickTimeSoundExtra(BoxBuffer buffer, Box entry) => buffer.ReadUInt16(entry, 8) switch
    {
        1 => QuickTimeSoundV1Extra,
        2 => QuickTimeSoundV2Extra,
        _ => 0,
    };

    private static Box? FindEsds(BoxBuffer buffer, Box entry, int childrenOffset)
    {
        // QuickTime files keep esds inside a 'wave' box.
        return buffer.FindChild(entry, BoxTypes.Esds, childrenOffset)
            ?? (buffer.FindChild(entry, BoxTypes.Wave, childrenOffset) is { } wave ? buffer.FindChild(wave, BoxTypes.Esds) : null);
    }

    /// <summary>The <c>objectTypeIndication</c> of the DecoderConfigDescriptor inside the ES_Descriptor (ISO/IEC 14496-1 §7.2.6).</summary>
    private static byte? ReadObjectType(BoxBuffer buffer, Box esds)
    {
        const byte EsDescriptorTag = 0x03;
        const byte DecoderConfigDescriptorTag = 0x04;

        var descriptors = new DescriptorReader(buffer.Payload(esds, 4), buffer, esds);
        var (tag, length) = descriptors.ReadHeader();
        if (tag != EsDescriptorTag)
        {
            return null;
        }

        var end = descriptors.EndOf(length);
        descriptors.Skip(2); // ES_ID
        var flags = descriptors.ReadByte();
        if ((flags & 0x80) != 0)
        {
            descriptors.Skip(2); // dependsOn_ES_ID
        }

        if ((flags & 0x40) != 0)
        {
            descriptors.Skip(descriptors.ReadByte()); // URL
        }

        if ((flags & 0x20) != 0)
        {
            descriptors.Skip(2); // OCR_ES_Id
        }

        while (descriptors.Position < end)
        {
            (tag, length) = descriptors.ReadHeader();
            if (tag == DecoderConfigDescriptorTag)
            {
                return descriptors.ReadByte();
            }

            descriptors.Skip(length);
        }

        return null;
    }

    private static bool HasVaryingCompositionOffsets(BoxBuffer buffer, Box ctts)
    {
        // ctts: version and flags (4), entry_count (4), then (sample_count, sample_offset) pairs.
        var entryCount = buffer.ReadUInt32(ctts, 4);
        var entries = buffer.Payload(ctts, 8);
        if (entryCount > entries.Length / 8)
        {
            throw buffer.Malformed(ctts.Start, $"'ctts' claims {entryCount} entries but has room for {entries.Length / 8}");
        }

        uint? first = null;
        for (var i = 0; i < (int)entryCount; i++)
        {
            var entry = entries.Slice(i * 8, 8);
            if (BinaryPrimitives.ReadUInt32BigEndian(entry) == 0)
            {
                continue;
            }

            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            first ??= offset;
            if (offset != first)
            {
                return true;
            }
        }

        return false;
    }

    private static bool RunHasVaryingCompositionOffsets(BoxBuffer buffer, Box trun)
    {
        // trun: version (1), flags (3), sample_count (4), optional data_offset and first_sample_flags, then per sample
        // the optional duration, size, flags and composition offset (ISO/IEC 14496-12 §8.8.8).
        var flags = buffer.ReadUInt32(trun, 0) & 0xFFFFFF;
        if ((flags & TrunCompositionOffsetPresent) == 0)
        {
            return false;
        }

        var sampleCount = buffer.ReadUInt32(trun, 4);
        var fieldsStart = 8 + ((flags & TrunDataOffsetPresent) != 0 ? 4 : 0) + ((flags & TrunFirstSampleFlagsPresent) != 0 ? 4 : 0);
        var samples = buffer.Payload(trun, fieldsStart);
        var sampleSize = 4 * BitOperations.PopCount(flags & 0xF00);
        var offsetPosition = 4 * BitOperations.PopCount(flags & TrunPerSampleFieldsBeforeOffset);
        if (sampleCount > samples.Length / sampleSize)
        {
            throw buffer.Malformed(trun.Start, $"'trun' claims {sampleCount} samples but has room for {samples.Length / sampleSize}");
        }

        uint? first = null;
        for (var i = 0; i < (int)sampleCount; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32BigEndian(samples[(i * sampleSize + offsetPosition)..]);
            first ??= offset;
            if (offset != first)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads MPEG-4 descriptors (tag, then a length of up to four 7-bit groups), bounds-checked.</summary>
    private ref struct DescriptorReader(ReadOnlySpan<byte> data, BoxBuffer buffer, Box box)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position { get; private set; }

        public byte ReadByte()
        {
            if (Position >= _data.Length)
            {
                throw Truncated();
            }

            return _data[Position++];
        }

        public void Skip(int count)
        {
            if (count > _data.Length - Position)
            {
                throw Truncated();
            }

            Position += count;
        }

        public (byte Tag, int Length) ReadHeader()
        {
            var tag = ReadByte();
            var length = 0;
            for (var i = 0; i < 4; i++)
            {
                var b = ReadByte();
                length = (length << 7) | (b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return (tag, length);
        }

        public readonly int EndOf(int length) =>
            length <= _data.Length - Position ? Position + length : throw Truncated();

        private readonly MalformedMediaException Truncated() =>
            buffer.Malformed(box.Start, $"the descriptors in {BoxTypes.Describe(box.Type)} run past the end of the box");
    }
}
