using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen inspect</c> on images, audio, documents and stickers, and <c>--as</c>.</summary>
public class InspectMediaCommandTests
{
    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "media");

    [Theory]
    [InlineData("photo.jpg", "an image", "format +jpeg \\(image/jpeg\\), 64x48$", "too-large +1,030 bytes \\(at most 5,242,880\\)$")]
    [InlineData("sticker-animated.webp", "a sticker", "format +webp \\(image/webp\\), 512x512, animated$", "dimensions +512x512$")]
    [InlineData("voice.ogg", "audio", "format +ogg \\(audio/ogg\\)$", "audio-codec +opus$")]
    [InlineData("document.pdf", "a document", "format +pdf \\(application/pdf\\)$", "too-large +329 bytes \\(at most 104,857,600\\)$")]
    public void A_compatible_file_passes_its_kinds_rules_and_exits_0(string name, string kind, string passLine, string otherPassLine)
    {
        var path = Fixture(name);

        var (exitCode, output, error) = Run("inspect", path);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith($"{path}: compatible with WhatsApp as {kind}", output);
        Assert.Matches($"(?m)^  pass  {passLine}", output);
        Assert.Matches($"(?m)^  pass  {otherPassLine}", output);
        Assert.DoesNotContain("FAIL", output);
        Assert.DoesNotContain("note:", output);
    }

    [Fact]
    public void A_broken_rule_is_a_FAIL_line_with_its_fix_and_exits_1()
    {
        var path = Fixture("vorbis.ogg");

        var (exitCode, output, _) = Run("inspect", path);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{path}: NOT compatible with WhatsApp as audio", output);
        Assert.Matches("(?m)^  pass  format +ogg", output);
        Assert.Matches("(?m)^  FAIL  audio-codec +The OGG file carries vorbis; WhatsApp plays OGG only with Opus audio.$", output);
        Assert.Contains($"  fix:  Re-encode it as OGG with Opus, e.g. ffmpeg -i {path} -vn -c:a libopus -b:a 32k {Fixture("vorbis-whatsapp.ogg")}", output);
    }

    [Theory]
    [InlineData("photo.jpg", "image", "jpeg", "image/jpeg", 64, 48, null, new string[0])]
    [InlineData("photo.png", "image", "png", "image/png", 64, 48, null, new string[0])]
    [InlineData("sticker.webp", "sticker", "webp", "image/webp", 512, 512, false, new string[0])]
    [InlineData("sticker-animated.webp", "sticker", "webp", "image/webp", 512, 512, true, new string[0])]
    [InlineData("picture.webp", "sticker", "webp", "image/webp", 64, 48, false, new[] { "dimensions" })]
    [InlineData("tone.aac", "audio", "aac", "audio/aac", null, null, null, new string[0])]
    [InlineData("tone.mp3", "audio", "mp3", "audio/mpeg", null, null, null, new string[0])]
    [InlineData("tone.m4a", "audio", "m4a", "audio/mp4", null, null, null, new string[0])]
    [InlineData("voice.ogg", "audio", "ogg", "audio/ogg", null, null, null, new string[0])]
    [InlineData("document.docx", "document", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null, null, null, new string[0])]
    public void Json_adds_kind_format_and_the_size_in_pixels_where_they_apply(
        string name, string kind, string format, string mime, int? width, int? height, bool? animated, string[] problemCodes)
    {
        var path = Fixture(name);

        var (exitCode, output, error) = Run("inspect", path, "--json");

        Assert.Equal("", error);
        Assert.Equal(problemCodes.Length == 0 ? 0 : 1, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Equal(kind, root.GetProperty("kind").GetString());
        Assert.Equal(format, root.GetProperty("format").GetString());
        Assert.Equal(mime, root.GetProperty("mime").GetString());
        Assert.Equal(new FileInfo(path).Length, root.GetProperty("size").GetInt64());
        Assert.Equal(width, root.TryGetProperty("width", out var w) ? w.GetInt32() : null);
        Assert.Equal(height, root.TryGetProperty("height", out var h) ? h.GetInt32() : null);
        Assert.Equal(animated, root.TryGetProperty("animated", out var a) ? a.GetBoolean() : null);
        Assert.Equal(problemCodes.Length == 0, root.GetProperty("compatible").GetBoolean());
        Assert.Equal(problemCodes, root.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()));

        // Today's video fields are all there, with what applies to a file that is not a video.
        foreach (var field in new[] { "container", "videoCodec", "h264Profile", "hasBFrames", "audioCodecs", "moovBeforeMdat", "fragmented" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"no '{field}'");
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("videoCodec").ValueKind);
    }

    [Fact]
    public void Json_of_audio_lists_its_codec()
    {
        var (_, output, _) = Run("inspect", Fixture("voice.ogg"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(["opus"], json.RootElement.GetProperty("audioCodecs").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Json_of_a_video_adds_its_kind_and_keeps_every_field()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "video", "main.mp4");

        var (exitCode, output, _) = Run("inspect", path, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("video", root.GetProperty("kind").GetString());
        Assert.Equal("mp4", root.GetProperty("container").GetString());
        Assert.Equal("h264", root.GetProperty("videoCodec").GetString());
        Assert.False(root.TryGetProperty("width", out _));
        Assert.False(root.TryGetProperty("animated", out _));
    }

    [Theory]
    [InlineData("photo.png", "sticker", "format", "The file is a PNG image (image/png); stickers must be WebP (image/webp), 512x512 pixels.")]
    [InlineData("sticker.webp", "image", "format", "The file is a WebP image (image/webp); image messages take JPEG (image/jpeg) or PNG (image/png) only; WhatsApp sends WebP images as stickers.")]
    [InlineData("photo.jpg", "audio", "format", "The file is a JPEG image (image/jpeg); audio messages take AAC, AMR, MP3, M4A (AAC) or OGG (Opus) only.")]
    public void As_checks_the_file_against_another_kinds_rules(string name, string kind, string code, string message)
    {
        var path = Fixture(name);

        var (exitCode, output, _) = Run("inspect", path, "--as", kind, "--json");

        Assert.Equal(1, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(kind, json.RootElement.GetProperty("kind").GetString());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(message, problem.GetProperty("message").GetString());
    }

    [Fact]
    public void As_document_takes_any_file_and_reports_its_mime_type()
    {
        var (exitCode, output, _) = Run("inspect", Fixture("photo.png"), "--as", "document");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"{Fixture("photo.png")}: compatible with WhatsApp as a document", output);
        Assert.Matches("(?m)^  pass  format +png \\(image/png\\), 64x48$", output);
    }

    [Fact]
    public void A_text_file_is_checked_as_a_video_unless_asked_otherwise_and_says_so()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Meeting notes\n");

            var (videoExit, videoText, _) = Run("inspect", path);
            var (documentExit, documentText, _) = Run("inspect", path, "--as", "document");

            Assert.Equal(1, videoExit);
            Assert.StartsWith($"{path}: unreadable as a video", videoText);
            Assert.Contains("  note: its bytes match no image, audio, sticker or document format, so it was checked as a video; "
                + "to send it as a document, inspect it with --as document.", videoText);
            Assert.Equal(0, documentExit);
            Assert.Matches("(?m)^  pass  format +unknown \\(application/octet-stream\\)$", documentText);
            Assert.DoesNotContain("note:", documentText);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_header_is_unreadable_with_its_offset()
    {
        var path = Path.GetTempFileName();
        try
        {
            var png = File.ReadAllBytes(Fixture("photo.png"));
            png[19] ^= 1;
            File.WriteAllBytes(path, png);

            var (exitCode, output, _) = Run("inspect", path);

            Assert.Equal(1, exitCode);
            Assert.StartsWith($"{path}: unreadable as an image", output);
            Assert.Matches(@"(?m)^  FAIL  unreadable +The file cannot be read as a JPEG or PNG image: at byte offset 29, the 'IHDR' chunk's CRC", output);
            Assert.DoesNotContain("  pass  ", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("picture")]
    [InlineData("Image")]
    [InlineData("")]
    public void An_unknown_kind_is_bad_usage(string kind)
    {
        var (exitCode, output, error) = Run("inspect", Fixture("photo.png"), "--as", kind);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("'image'", error);
        Assert.Contains("Run 'messagegen inspect --help' for usage.", error);
    }

    [Fact]
    public void As_with_no_kind_is_bad_usage()
    {
        var (exitCode, _, error) = Run("inspect", Fixture("photo.png"), "--as");

        Assert.Equal(2, exitCode);
        Assert.Contains("--as", error);
    }

    [Fact]
    public void Help_describes_the_as_option_and_every_kind()
    {
        var (exitCode, output, _) = Run("inspect", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--as <image|audio|document|sticker|video>", output);
        Assert.Contains("stickers", output);
        Assert.Contains("not its name", output);
    }

    [UnixFact]
    public async Task A_pipe_carrying_a_sticker_is_inspected_like_the_file()
    {
        using var cat = Process.Start(new ProcessStartInfo("cat", [Fixture("sticker-animated.webp")]) { RedirectStandardOutput = true })!;
        var pipe = $"/dev/fd/{((PipeStream)cat.StandardOutput.BaseStream).SafePipeHandle.DangerousGetHandle()}";

        var run = await Task.Run(() => CliRun.RunAsync(["inspect", pipe, "--json"])).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("sticker", json.RootElement.GetProperty("kind").GetString());
        Assert.True(json.RootElement.GetProperty("animated").GetBoolean());
    }

    private static string Fixture(string name) => Path.Combine(s_fixtures, name);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var run = CliRun.RunAsync(args).GetAwaiter().GetResult();
        return (run.ExitCode, run.Output, run.Error);
    }
}
