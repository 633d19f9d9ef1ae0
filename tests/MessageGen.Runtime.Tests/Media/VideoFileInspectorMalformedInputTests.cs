using System.Buffers.Binary;
using System.Text;
using MessageGen.Media;
using MessageGen.Testing;
using static MessageGen.Runtime.Tests.Media.TestFiles;

namespace MessageGen.Runtime.Tests.Media;

public class VideoFileInspectorMalformedInputTests
{
    [Fact]
    public void An_empty_file_is_unreadable()
    {
        var problem = AssertUnreadable([], offset: 0);

        Assert.Contains("empty", problem.Message);
    }

    [Fact]
    public void A_text_file_is_unreadable_and_named_as_not_mp4()
    {
        var problem = AssertUnreadable(Encoding.UTF8.GetBytes("Hello, this is not a video at all.\n"), offset: 0);

        Assert.Contains("not an MP4, 3GP or MOV file", problem.Message);
        Assert.Contains("'o, t'", problem.Message);
    }

    [Fact]
    public void Binary_garbage_at_the_start_is_reported_in_hex()
    {
        var problem = AssertUnreadable([0, 0, 0, 16, 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0], offset: 0);

        Assert.Contains("0xFFD8FFE0", problem.Message);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void A_truncated_file_is_unreadable_at_the_box_that_runs_past_the_end(double keptFraction)
    {
        var file = VideoFixtures.Read("main.mp4");
        var truncated = file[..(int)(file.Length * keptFraction)];
        var cutBox = TopLevelBoxes(file).Last(b => b.Start < truncated.Length);

        var problem = AssertUnreadable(truncated, offset: cutBox.Start);

        Assert.Contains($"'{cutBox.Type}' claims {cutBox.Size} bytes", problem.Message);
        Assert.Contains("truncated", problem.Message);
    }

    [UnixTheory]
    [InlineData(0.25)]
    [InlineData(0.9)]
    public async Task A_truncated_file_through_a_pipe_is_unreadable_at_the_same_box_not_cut_off_by_the_reader(double keptFraction)
    {
        var file = VideoFixtures.Read("main.mp4");
        var truncated = file[..(int)(file.Length * keptFraction)];
        var cutBox = TopLevelBoxes(file).Last(b => b.Start < truncated.Length);
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, "truncated.mp4");
        await File.WriteAllBytesAsync(path, truncated);
        using var cat = new CatProcess(path);

        var report = await Task.Run(() => VideoFileInspector.InspectAsync(cat.PipePath)).WaitAsync(TimeSpan.FromSeconds(10));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(VideoProblemCodes.Unreadable, problem.Code);
        Assert.Contains($"at byte offset {cutBox.Start}, box '{cutBox.Type}' claims {cutBox.Size} bytes", problem.Message);
        Assert.Contains("truncated", problem.Message);
    }

    [Fact]
    public void A_file_cut_before_its_moov_was_written_has_no_moov()
    {
        var file = VideoFixtures.Read("moov-at-end.mp4");
        var moov = TopLevelBoxes(file).Single(b => b.Type == "moov");

        var problem = AssertUnreadable(file[..(int)moov.Start], offset: moov.Start);

        Assert.Contains("no 'moov' box", problem.Message);
    }

    [Fact]
    public void A_box_size_smaller_than_its_header_is_unreadable()
    {
        var problem = AssertUnreadable(Concat(Ftyp(), RawBox(3, "moov")), offset: Ftyp().Length);

        Assert.Contains("smaller than its 8-byte header", problem.Message);
    }

    [Fact]
    public void A_box_claiming_gigabytes_is_unreadable_without_allocating_them()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var problem = AssertUnreadable(Concat(Ftyp(), RawBox(0xFFFFFFF0, "moov", new byte[64])), offset: Ftyp().Length);

        Assert.Contains("claims 4294967280 bytes", problem.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void An_overflowing_64_bit_size_is_unreadable()
    {
        var largeSize = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(largeSize, ulong.MaxValue);

        var problem = AssertUnreadable(Concat(Ftyp(), RawBox(1, "mdat", [.. largeSize, 1, 2, 3])), offset: Ftyp().Length);

        Assert.Contains($"claims {long.MaxValue} bytes", problem.Message);
    }

    [Fact]
    public void A_64_bit_size_is_honoured()
    {
        var main = VideoFixtures.Read("main.mp4");
        var largeFree = new byte[16 + 100];
        BinaryPrimitives.WriteUInt32BigEndian(largeFree, 1);
        Encoding.ASCII.GetBytes("free", largeFree.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(largeFree.AsSpan(8), (ulong)largeFree.Length);

        var report = VideoFileInspector.Inspect(new MemoryStream(Concat(main, largeFree)));

        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void A_last_box_with_size_zero_runs_to_the_end_of_the_file()
    {
        var main = VideoFixtures.Read("main.mp4");
        var mdat = TopLevelBoxes(main).Single(b => b.Type == "mdat");
        BinaryPrimitives.WriteUInt32BigEndian(main.AsSpan((int)mdat.Start), 0);

        var report = VideoFileInspector.Inspect(new MemoryStream(main));

        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void A_child_box_running_past_its_parent_is_unreadable_at_the_child()
    {
        var file = VideoFixtures.Read("main.mp4");
        var trak = file.AsSpan().IndexOf("trak"u8) - 4;
        var trakSize = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(trak));
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(trak), trakSize + 1_000_000);

        var problem = AssertUnreadable(file, offset: trak);

        Assert.Contains("'trak' claims", problem.Message);
        Assert.Contains("parent 'moov'", problem.Message);
    }

    [Fact]
    public void A_ctts_claiming_more_entries_than_it_holds_is_unreadable()
    {
        var file = VideoFixtures.Read("b-frames.mp4");
        var ctts = file.AsSpan().IndexOf("ctts"u8) - 4;
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(ctts + 12), 0x7FFFFFFF);

        var problem = AssertUnreadable(file, offset: ctts);

        Assert.Contains("'ctts' claims 2147483647 entries", problem.Message);
    }

    [Fact]
    public void Millions_of_empty_boxes_stop_at_the_box_limit()
    {
        var file = new byte[Ftyp().Length + (8 * 300_000)];
        Ftyp().CopyTo(file, 0);
        for (var offset = Ftyp().Length; offset < file.Length; offset += 8)
        {
            Box("free").CopyTo(file, offset);
        }

        // The ftyp is the first box counted, so the free box one past the limit is number MaxBoxes.
        var problem = AssertUnreadable(file, offset: Ftyp().Length + (8L * (ParseBudget.MaxBoxes - 1)));

        Assert.Contains($"more than {ParseBudget.MaxBoxes} boxes", problem.Message);
    }

    [Fact]
    public void Deeply_nested_boxes_in_a_sample_entry_end_without_recursion()
    {
        // A 'wave' inside a 'wave' ... is read only one level deep, so a nesting loop cannot recurse.
        var nested = Box("esds");
        for (var i = 0; i < 10_000; i++)
        {
            nested = Box("wave", nested);
        }

        var file = VideoFixtures.Read("quicktime.mov");
        var report = VideoFileInspector.Inspect(new MemoryStream(Concat(file, Box("free", nested))));

        Assert.Equal([VideoProblemCodes.Container], report.Problems.Select(p => p.Code));
    }

    [Fact]
    public void A_moov_larger_than_the_cap_is_unreadable_without_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = new FileStream(path, FileMode.Create))
            {
                var ftyp = Ftyp();
                var moovSize = (uint)VideoFileInspector.MaxMoovSize + 1;
                file.Write(ftyp);
                file.Write(RawBox(moovSize, "moov"));
                file.SetLength(ftyp.Length + moovSize);
            }

            using var counting = new CountingStream(File.OpenRead(path));
            var report = VideoFileInspector.Inspect(counting);

            var problem = Assert.Single(report.Problems, p => p.Code == VideoProblemCodes.Unreadable);
            Assert.Contains($"more than the {VideoFileInspector.MaxMoovSize} bytes", problem.Message);
            Assert.Contains($"byte offset {Ftyp().Length},", problem.Message);
            Assert.True(counting.BytesRead < 1024, $"read {counting.BytesRead} bytes");
            Assert.Contains(report.Problems, p => p.Code == VideoProblemCodes.TooLarge);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_second_moov_is_unreadable()
    {
        var file = VideoFixtures.Read("main.mp4");
        var moov = TopLevelBoxes(file).Single(b => b.Type == "moov");

        var problem = AssertUnreadable(Concat(file, file[(int)moov.Start..(int)moov.End]), offset: file.Length);

        Assert.Contains("second 'moov'", problem.Message);
    }

    [Fact]
    public void Trailing_bytes_too_short_for_a_header_are_unreadable()
    {
        var file = VideoFixtures.Read("main.mp4");

        var problem = AssertUnreadable(Concat(file, [1, 2, 3]), offset: file.Length);

        Assert.Contains("last 3 bytes", problem.Message);
    }

    [Fact]
    public void The_unreadable_problem_still_offers_a_reencode_command()
    {
        var problem = AssertUnreadable(VideoFixtures.Read("main.mp4")[..2000], offset: -1);

        Assert.StartsWith("If the file plays in a media player, re-encode it: ffmpeg -i in.mp4", problem.FixHint);
    }

    [Fact]
    public void A_stream_shorter_than_its_length_is_unreadable()
    {
        var file = VideoFixtures.Read("main.mp4");
        using var stream = new ShortReadingStream(file, readableBytes: 100);

        var problem = Assert.Single(VideoFileInspector.Inspect(stream).Problems);

        Assert.Equal(VideoProblemCodes.Unreadable, problem.Code);
        Assert.Contains("ends sooner than its length says", problem.Message);
    }

    /// <summary>Asserts a single unreadable problem at <paramref name="offset"/> (any offset when negative).</summary>
    private static VideoProblem AssertUnreadable(byte[] file, long offset)
    {
        var report = VideoFileInspector.Inspect(new MemoryStream(file));

        Assert.False(report.IsCompatible);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VideoProblemCodes.Unreadable, problem.Code);
        if (offset >= 0)
        {
            Assert.Contains($"at byte offset {offset},", problem.Message);
        }

        return problem;
    }

    private static List<(string Type, long Start, long Size, long End)> TopLevelBoxes(byte[] file)
    {
        var boxes = new List<(string, long, long, long)>();
        for (long position = 0; position + 8 <= file.Length;)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)position));
            boxes.Add((Encoding.ASCII.GetString(file, (int)position + 4, 4), position, size, position + size));
            position += size;
        }

        return boxes;
    }
}

/// <summary>Reports the full length but delivers only the first bytes, like a file truncated while being read.</summary>
internal sealed class ShortReadingStream(byte[] data, int readableBytes) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        var allowed = (int)Math.Max(0, readableBytes - Position);
        return base.Read(buffer, offset, Math.Min(count, allowed));
    }

    public override int Read(Span<byte> buffer)
    {
        var array = new byte[buffer.Length];
        var read = Read(array, 0, array.Length);
        array.AsSpan(0, read).CopyTo(buffer);
        return read;
    }
}
