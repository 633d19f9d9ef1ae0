using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using MessageGen.Media;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// Seeded random mutations of the image, audio, sticker and document fixtures (and of built AMR files), each checked
/// with no kind and as a random kind: every one must give a report (never an exception) within a generous time bound.
/// A failure names the fixture, seed and case so that it can be replayed.
/// </summary>
public class MediaFileInspectorFuzzTests
{
    private const int CasesPerFixture = 300;
    private const int CasesThroughAPipePerFixture = 4;
    private const int HeaderArea = 64;
    private static readonly TimeSpan s_perCaseTimeout = TimeSpan.FromSeconds(10);
    private static readonly Regex s_offset = new(@"at byte offset (\d+),", RegexOptions.CultureInvariant);
    private static readonly uint[] s_interestingValues = [0, 1, 2, 7, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    public static TheoryData<string> Fixtures()
    {
        var data = MediaFixtures.Names();
        data.Add("built.amr");
        data.Add("built-wb.amr");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Random_mutations_always_give_a_report(string name)
    {
        var i = 0;
        foreach (var (mutated, kind, replay) in Mutations(name, CasesPerFixture))
        {
            using var timeout = new CancellationTokenSource(s_perCaseTimeout);
            var stream = new MemoryStream(mutated);
            var inspection = (i++ % 2, kind) switch
            {
                (0, { } asked) => MediaFileInspector.InspectAsync(stream, asked, timeout.Token),
                (0, null) => MediaFileInspector.InspectAsync(stream, timeout.Token),
                (_, { } asked) => Task.Run(() => MediaFileInspector.Inspect(stream, asked), timeout.Token),
                (_, null) => Task.Run(() => MediaFileInspector.Inspect(stream), timeout.Token),
            };
            MediaFileReport? report = null;
            var error = await Record.ExceptionAsync(async () => report = await inspection.WaitAsync(s_perCaseTimeout));

            Assert.True(error is null, $"{replay} threw {error}");
            Assert.Equal(mutated.Length, report!.Size);
            Assert.Equal(0, stream.Position);
            Assert.Equal(kind ?? report.DetectedKind ?? MediaKind.Video, report.Kind);
            AssertOffsetsWithin(report, mutated.Length, replay);
        }
    }

    /// <summary>Fewer cases, each through a real pipe from a <c>cat</c> process: it must give the report the file gives.</summary>
    [UnixTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Random_mutations_through_a_pipe_give_the_report_of_the_file(string name)
    {
        using var directory = new SpecialFileDirectory();
        var path = Path.Combine(directory.Path, "mutated");
        foreach (var (mutated, kind, replay) in Mutations(name, CasesThroughAPipePerFixture))
        {
            await File.WriteAllBytesAsync(path, mutated);
            var fromFile = kind is { } asked ? MediaFileInspector.Inspect(path, asked) : MediaFileInspector.Inspect(path);
            using var cat = new CatProcess(path);

            MediaFileReport? fromPipe = null;
            var error = await Record.ExceptionAsync(async () => fromPipe = await Task.Run(() => kind is { } asked
                ? MediaFileInspector.InspectAsync(cat.PipePath, asked)
                : MediaFileInspector.InspectAsync(cat.PipePath)).WaitAsync(s_perCaseTimeout));

            Assert.True(error is null, $"{replay} threw {error}");
            Assert.Equal(mutated.Length, fromPipe!.Size);
            Assert.Equal(fromFile.Problems.Select(p => p.Code), fromPipe.Problems.Select(p => p.Code));
            if (mutated.Length > 0)
            {
                // An empty pipe says why a pipe may be empty; everything else reads the same.
                Assert.Equal(fromFile.Problems.Select(p => p.Message), fromPipe.Problems.Select(p => p.Message));
            }
        }
    }

    /// <summary>Seeded mutations of a fixture, each with a kind to check it as (or none) and what it takes to replay it.</summary>
    private static IEnumerable<(byte[] File, MediaKind? Kind, string Replay)> Mutations(string name, int count)
    {
        var original = name switch
        {
            "built.amr" => MediaFixtures.Amr(),
            "built-wb.amr" => MediaFixtures.AmrWideband(),
            _ => MediaFixtures.Read(name),
        };
        var seed = name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)); // stable across runs, unlike string.GetHashCode
        var random = new Random(seed);
        var kinds = Enum.GetValues<MediaKind>();
        for (var i = 0; i < count; i++)
        {
            var (mutated, description) = Mutate(original, random);
            MediaKind? kind = random.Next(3) == 0 ? kinds[random.Next(kinds.Length)] : null;
            yield return (mutated, kind, $"{name}, seed {seed}, case {i}: {description}, checked as {kind?.ToShortName() ?? "detected"}");
        }
    }

    private static void AssertOffsetsWithin(MediaFileReport report, long length, string replay)
    {
        foreach (var unreadable in report.Problems.Where(p => p.Code == MediaProblemCodes.Unreadable && s_offset.IsMatch(p.Message)))
        {
            var offset = long.Parse(s_offset.Match(unreadable.Message).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(offset >= 0 && offset <= length, $"{replay}: offset {offset} outside the {length}-byte file");
        }
    }

    private static (byte[] File, string Description) Mutate(byte[] original, Random random)
    {
        var file = (byte[])original.Clone();
        var headerArea = Math.Min(HeaderArea, file.Length);
        switch (random.Next(5))
        {
            case 0:
            {
                // Most damage that matters is in the header: flip bytes there, and now and then anywhere.
                var flips = random.Next(1, 5);
                var offsets = new List<int>();
                for (var i = 0; i < flips; i++)
                {
                    var offset = random.Next(random.Next(4) == 0 ? file.Length : headerArea);
                    file[offset] ^= (byte)random.Next(1, 256);
                    offsets.Add(offset);
                }

                return (file, $"flipped bytes at {string.Join(",", offsets)}");
            }

            case 1:
            {
                var length = random.Next(random.Next(2) == 0 ? headerArea + 1 : file.Length);
                return (file[..length], $"truncated to {length} bytes");
            }

            case 2:
            {
                // A size, length or count field set to an edge value, big- or little-endian.
                var offset = random.Next(Math.Max(1, headerArea - 3));
                var value = s_interestingValues[random.Next(s_interestingValues.Length)];
                var bigEndian = random.Next(2) == 0;
                var field = file.AsSpan(offset, Math.Min(4, file.Length - offset));
                Span<byte> encoded = stackalloc byte[4];
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(encoded, value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(encoded, value);
                }

                encoded[..field.Length].CopyTo(field);
                return (file, $"{(bigEndian ? "big" : "little")}-endian {value} at {offset}");
            }

            case 3:
            {
                var start = random.Next(headerArea);
                var length = Math.Min(file.Length - start, random.Next(1, 17));
                random.NextBytes(file.AsSpan(start, length));
                return (file, $"{length} random bytes at {start}");
            }

            default:
            {
                // A copy of the first bytes repeated inside the file: headers within headers.
                var at = random.Next(file.Length);
                var repeated = file[..Math.Min(file.Length, random.Next(4, 32))];
                return ([.. file[..at], .. Enumerable.Repeat(repeated, random.Next(1, 200)).SelectMany(r => r), .. file[at..]],
                    $"the first {repeated.Length} bytes repeated at {at}");
            }
        }
    }
}
