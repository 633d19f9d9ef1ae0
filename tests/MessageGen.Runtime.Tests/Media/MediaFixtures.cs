using MessageGen.Media;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// The committed fixtures of tests/fixtures/media (made by its make-fixtures.sh) and what each is, as ffprobe and the
/// format specifications say; AMR files, which Debian's ffmpeg cannot encode, are built byte by byte.
/// </summary>
internal static class MediaFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "media");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>One row per fixture; see tests/fixtures/media/README.md.</summary>
    public static IReadOnlyList<MediaFacts> Facts { get; } =
    [
        new("photo.jpg", MediaKind.Image, "jpeg", "image/jpeg", 64, 48, null, []),
        new("photo.png", MediaKind.Image, "png", "image/png", 64, 48, null, []),
        new("picture.gif", MediaKind.Image, "gif", "image/gif", 64, 48, null, [], "format"),
        new("picture.webp", MediaKind.Sticker, "webp", "image/webp", 64, 48, false, [], "dimensions"),
        new("sticker.webp", MediaKind.Sticker, "webp", "image/webp", 512, 512, false, []),
        new("sticker-lossless.webp", MediaKind.Sticker, "webp", "image/webp", 512, 512, false, []),
        new("sticker-alpha.webp", MediaKind.Sticker, "webp", "image/webp", 512, 512, false, []),
        new("sticker-animated.webp", MediaKind.Sticker, "webp", "image/webp", 512, 512, true, []),
        new("tone.aac", MediaKind.Audio, "aac", "audio/aac", null, null, null, ["aac"]),
        new("tone.mp3", MediaKind.Audio, "mp3", "audio/mpeg", null, null, null, ["mp3"]),
        new("tone-no-id3.mp3", MediaKind.Audio, "mp3", "audio/mpeg", null, null, null, ["mp3"]),
        new("tone.mp2", MediaKind.Audio, "mp2", "audio/mpeg", null, null, null, ["mp2"], "format"),
        new("tone.m4a", MediaKind.Audio, "m4a", "audio/mp4", null, null, null, ["aac"]),
        new("voice.ogg", MediaKind.Audio, "ogg", "audio/ogg", null, null, null, ["opus"]),
        new("vorbis.ogg", MediaKind.Audio, "ogg", "audio/ogg", null, null, null, ["vorbis"], "audio-codec"),
        new("document.pdf", MediaKind.Document, "pdf", "application/pdf", null, null, null, []),
        new("document.docx", MediaKind.Document, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null, null, null, []),
        new("document.odt", MediaKind.Document, "opendocument", "application/vnd.oasis.opendocument.text", null, null, null, []),
        new("archive.zip", MediaKind.Document, "zip", "application/zip", null, null, null, []),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var facts in Facts)
        {
            data.Add(facts.Name);
        }

        return data;
    }

    /// <summary>An AMR file: the magic line and <paramref name="frames"/> frames of 12.2 kbit/s speech (type 7, 31 bytes each).</summary>
    public static byte[] Amr(int frames = 50) =>
        [.. "#!AMR\n"u8, .. Enumerable.Range(0, frames).SelectMany(_ => (byte[])[0x3C, .. new byte[31]])];

    /// <summary>An AMR-WB file: the magic line and frames of 23.85 kbit/s speech (type 8, 60 bytes each).</summary>
    public static byte[] AmrWideband(int frames = 50) =>
        [.. "#!AMR-WB\n"u8, .. Enumerable.Range(0, frames).SelectMany(_ => (byte[])[0x44, .. new byte[60]])];
}

internal sealed record MediaFacts(
    string Name,
    MediaKind Kind,
    string Format,
    string Mime,
    int? Width,
    int? Height,
    bool? Animated,
    string[] AudioCodecs,
    params string[] ProblemCodes);
