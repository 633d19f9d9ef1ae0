using System.Globalization;
using MessageGen.Media;
using MessageGen.Testing;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// Each kind's size limit, at the limit and one byte over, on sparse temp files (the fixture followed by a hole), so that
/// nothing large is committed or written. Bytes after the data are harmless to every header parser.
/// </summary>
public class MediaFileInspectorLimitTests
{
    public static TheoryData<string, long> Limits => new()
    {
        { "photo.jpg", MediaFileInspector.MaxImageSize },
        { "photo.png", MediaFileInspector.MaxImageSize },
        { "tone.mp3", MediaFileInspector.MaxAudioSize },
        { "voice.ogg", MediaFileInspector.MaxAudioSize },
        { "document.pdf", MediaFileInspector.MaxDocumentSize },
        { "sticker.webp", MediaFileInspector.MaxStaticStickerSize },
        { "sticker-animated.webp", MediaFileInspector.MaxAnimatedStickerSize },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_file_at_its_kinds_limit_is_compatible(string name, long limit)
    {
        using var file = new SparseCopy(name, limit);
        using var counting = new CountingStream(File.OpenRead(file.Path));

        var report = MediaFileInspector.Inspect(counting);

        Assert.Equal(limit, report.Size);
        Assert.Equal(limit, report.SizeLimit);
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
        Assert.True(counting.BytesRead < MediaFileInspector.MaxHeaderBytes, $"read {counting.BytesRead} bytes");
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void One_byte_more_is_too_large_and_nothing_else(string name, long limit)
    {
        using var file = new SparseCopy(name, limit + 1);

        var report = MediaFileInspector.Inspect(file.Path);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(MediaProblemCodes.TooLarge, problem.Code);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"The file is {limit + 1:N0} bytes; WhatsApp accepts "), problem.Message);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"({limit:N0} bytes)."), problem.Message);
        Assert.NotNull(problem.FixHint);
    }

    [Fact]
    public void An_animated_sticker_may_be_larger_than_a_static_one()
    {
        using var file = new SparseCopy("sticker-animated.webp", MediaFileInspector.MaxStaticStickerSize + 1);

        Assert.True(MediaFileInspector.Inspect(file.Path).IsCompatible);
    }

    [Fact]
    public void A_document_over_100_MiB_is_too_large_whatever_it_holds()
    {
        using var file = new SparseCopy("photo.png", MediaFileInspector.MaxDocumentSize + 1);

        var report = MediaFileInspector.Inspect(file.Path, MediaKind.Document);

        Assert.Equal([MediaProblemCodes.TooLarge], report.Problems.Select(p => p.Code));
        Assert.Contains("WhatsApp accepts documents of at most 100 MiB (104,857,600 bytes)", report.Problems[0].Message);
    }

    [Fact]
    public void An_empty_file_is_unreadable_as_every_kind()
    {
        foreach (var kind in Enum.GetValues<MediaKind>())
        {
            using var stream = new MemoryStream();

            var problem = Assert.Single(MediaFileInspector.Inspect(stream, kind).Problems);

            Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
            Assert.Contains("empty", problem.Message);
        }
    }

    /// <summary>A temp copy of a fixture made <c>length</c> bytes long by a sparse hole at its end.</summary>
    private sealed class SparseCopy : IDisposable
    {
        public SparseCopy(string name, long length)
        {
            using var file = new FileStream(Path, FileMode.Create, FileAccess.Write);
            file.Write(MediaFixtures.Read(name));
            file.SetLength(length);
        }

        public string Path { get; } = System.IO.Path.GetTempFileName();

        public void Dispose() => File.Delete(Path);
    }
}
