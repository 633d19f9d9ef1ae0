using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MessageGen.Media;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// Thousands of seeded random mutations of the fixtures: each must give a report (never an exception) within a
/// generous time bound. A failure names the fixture, seed and case so that it can be replayed.
/// </summary>
public class VideoFileInspectorFuzzTests
{
    private const int CasesPerFixture = 250;
    private const int CasesThroughAPipePerFixture = 6;
    private static readonly TimeSpan s_perCaseTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] s_boxTypes =
    [
        "ftyp", "moov", "mvhd", "trak", "tkhd", "mdia", "hdlr", "minf", "stbl", "stsd", "ctts", "stts", "stco", "avc1",
        "avcC", "mp4a", "esds", "wave", "hev1", "vp09", "av01", "s263", "Opus", "moof", "traf", "tfhd", "trun", "mvex",
        "mdat", "free", "wide", "udta",
    ];

    private static readonly Regex s_offset = new(@"at byte offset (\d+),", RegexOptions.CultureInvariant);

    private static readonly uint[] s_interestingSizes = [0, 1, 7, 8, 9, 16, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    public static TheoryData<string> Fixtures => VideoFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Random_mutations_always_give_a_report(string name)
    {
        var i = 0;
        foreach (var (mutated, replay) in Mutations(name, CasesPerFixture))
        {
            using var timeout = new CancellationTokenSource(s_perCaseTimeout);
            var stream = new MemoryStream(mutated);
            var inspection = i++ % 2 == 0
                ? VideoFileInspector.InspectAsync(stream, timeout.Token)
                : Task.Run(() => VideoFileInspector.Inspect(stream), timeout.Token);
            VideoFileReport? report = null;
            var error = await Record.ExceptionAsync(async () => report = await inspection.WaitAsync(s_perCaseTimeout));

            Assert.True(error is null, $"{replay} threw {error}");
            Assert.Equal(mutated.Length, report!.Size);
            Assert.Equal(0, stream.Position);
            AssertOffsetsWithin(report, mutated.Length);
        }
    }

    /// <summary>
    /// Fewer cases, each through a real pipe from a <c>cat</c> process (as <c>&lt;(cat FILE)</c> gives it): the pipe is
    /// read into memory, and must give the report the file gives.
    /// </summary>
    [UnixTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Random_mutations_through_a_pipe_give_the_report_of_the_file(string name)
    {
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, name);
        foreach (var (mutated, replay) in Mutations(name, CasesThroughAPipePerFixture))
        {
            await File.WriteAllBytesAsync(path, mutated);
            var fromFile = VideoFileInspector.Inspect(path);
            using var cat = new CatProcess(path);

            VideoFileReport? fromPipe = null;
            var error = await Record.ExceptionAsync(async () =>
                fromPipe = await Task.Run(() => VideoFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_perCaseTimeout));

            Assert.True(error is null, $"{replay} threw {error}");
            Assert.Equal(mutated.Length, fromPipe!.Size);
            Assert.Equal(fromFile.Problems.Select(p => p.Code), fromPipe.Problems.Select(p => p.Code));
            if (mutated.Length > 0)
            {
                // An empty pipe says why a pipe may be empty; everything else reads the same.
                Assert.Equal(fromFile.Problems.Select(p => p.Message), fromPipe.Problems.Select(p => p.Message));
            }

            AssertOffsetsWithin(fromPipe, mutated.Length);
        }
    }

    /// <summary>Seeded mutations of a fixture, each with what it takes to replay it.</summary>
    private static IEnumerable<(byte[] File, string Replay)> Mutations(string name, int count)
    {
        var original = VideoFixtures.Read(name);
        var seed = name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)); // stable across runs, unlike string.GetHashCode
        var random = new Random(seed);
        var boxTypeOffsets = FindBoxTypeOffsets(original);
        for (var i = 0; i < count; i++)
        {
            var (mutated, description) = Mutate(original, boxTypeOffsets, random);
            yield return (mutated, $"{name}, seed {seed}, case {i}: {description}");
        }
    }

    private static void AssertOffsetsWithin(VideoFileReport report, long length)
    {
        foreach (var unreadable in report.Problems.Where(p => p.Code == VideoProblemCodes.Unreadable))
        {
            var offset = long.Parse(s_offset.Match(unreadable.Message).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(offset, 0, length);
        }
    }

    private static (byte[] File, string Description) Mutate(byte[] original, List<int> boxTypeOffsets, Random random)
    {
        var file = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
            {
                var flips = random.Next(1, 9);
                var offsets = new List<int>();
                for (var i = 0; i < flips; i++)
                {
                    var offset = random.Next(file.Length);
                    file[offset] ^= (byte)random.Next(1, 256);
                    offsets.Add(offset);
                }

                return (file, $"flipped bytes at {string.Join(",", offsets)}");
            }

            case 1:
            {
                var length = random.Next(file.Length);
                return (file[..length], $"truncated to {length} bytes");
            }

            case 2:
            {
                // Overwrite the size field in front of a box type.
                var typeOffset = boxTypeOffsets[random.Next(boxTypeOffsets.Count)];
                var size = random.Next(2) == 0 ? s_interestingSizes[random.Next(s_interestingSizes.Length)] : (uint)random.Next();
                BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(typeOffset - 4), size);
                return (file, $"size before offset {typeOffset} set to {size}");
            }

            default:
            {
                // Overwrite a field just inside a box (version, counts, descriptors) with random bytes.
                var typeOffset = boxTypeOffsets[random.Next(boxTypeOffsets.Count)];
                var start = Math.Min(file.Length - 1, typeOffset + 4 + random.Next(16));
                var length = Math.Min(file.Length - start, random.Next(1, 9));
                random.NextBytes(file.AsSpan(start, length));
                return (file, $"{length} random bytes at {start}");
            }
        }
    }

    private static List<int> FindBoxTypeOffsets(byte[] file)
    {
        var offsets = new List<int>();
        foreach (var type in s_boxTypes)
        {
            var pattern = Encoding.ASCII.GetBytes(type);
            for (var from = 0; ;)
            {
                var index = file.AsSpan(from).IndexOf(pattern);
                if (index < 0)
                {
                    break;
                }

                if (from + index >= 4)
                {
                    offsets.Add(from + index);
                }

                from += index + 1;
            }
        }

        Assert.NotEmpty(offsets);
        return offsets;
    }
}
