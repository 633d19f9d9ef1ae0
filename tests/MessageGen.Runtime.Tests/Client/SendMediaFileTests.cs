using System.Buffers.Binary;
using MessageGen.Media;
using MessageGen.Runtime.Tests.Media;
using MessageGen.Runtime.Tests.Support;

namespace MessageGen.Runtime.Tests.Client;

/// <summary>
/// <c>Upload{Kind}Async</c> and <c>Send{Kind}Async(to, filePath, ...)</c> for images, audio, documents and stickers, against a
/// real server on 127.0.0.1: the file is checked against its type's rules before anything is uploaded, uploaded with the
/// MIME type its bytes show, and the message sent with the media id the upload returned.
/// </summary>
public sealed class SendMediaFileTests
{
    private const string To = "+15550001234";

    [Fact]
    public async Task A_png_is_checked_uploaded_as_image_png_and_sent_by_its_media_id()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var result = await client.SendImageAsync(To, MediaFixtures.PathOf("photo.png"), "Grüße 📷");

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("photo.png", upload.FileName);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal("whatsapp", upload.MessagingProduct);
        Assert.Equal(MediaFixtures.Read("photo.png"), upload.Bytes);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"image","image":{"id":"{{{MediaApi.MediaId}}}","caption":"Grüße 📷"}}""",
            Assert.Single(api.Messages));
        Assert.Equal(MediaApi.MessageId, result.MessageId);
        Assert.Equal(["/media", "/messages"], api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task The_bytes_decide_the_mime_type_not_the_name()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var directory = new TempDirectory();
        var misnamed = directory.Copy("photo.jpg", "photo.png");

        await client.SendImageAsync(To, misnamed);

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("photo.png", upload.FileName);
        Assert.Equal("image/jpeg", upload.ContentType);
    }

    [Fact]
    public async Task An_image_over_5_MiB_is_refused_and_nothing_is_uploaded()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var directory = new TempDirectory();
        var large = directory.Grown("photo.jpg", "large.jpg", 6_000_000);

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => client.SendImageAsync(To, large, "too big"));

        Assert.Equal(MediaKind.Image, error.Report.Kind);
        Assert.Equal([MediaProblemCodes.TooLarge], error.Report.Problems.Select(p => p.Code));
        Assert.Contains("[too-large]", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Every_problem_of_the_file_is_in_the_exception()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var directory = new TempDirectory();
        var largeJpeg = directory.Grown("photo.jpg", "sticker.webp", 200_000);

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => client.SendStickerAsync(To, largeJpeg));

        Assert.Equal([MediaProblemCodes.Format, MediaProblemCodes.TooLarge], error.Report.Problems.Select(p => p.Code));
        Assert.All(error.Report.Problems, problem => Assert.Contains($"[{problem.Code}]", error.Message, StringComparison.Ordinal));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_600x600_webp_is_refused_as_a_sticker()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var directory = new TempDirectory();
        var path = directory.Write("big-sticker.webp", LosslessWebP(600, 600));

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => client.SendStickerAsync(To, path));

        var problem = Assert.Single(error.Report.Problems);
        Assert.Equal(MediaProblemCodes.Dimensions, problem.Code);
        Assert.Contains("600x600", problem.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_gif_is_refused_as_an_image()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => client.SendImageAsync(To, MediaFixtures.PathOf("picture.gif")));

        Assert.Equal(MediaProblemCodes.Format, Assert.Single(error.Report.Problems).Code);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("sticker.webp")]
    [InlineData("sticker-animated.webp")]
    public async Task A_512x512_webp_is_sent_as_a_sticker(string name)
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        await client.SendStickerAsync(To, MediaFixtures.PathOf(name));

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("image/webp", upload.ContentType);
        Assert.Equal(MediaFixtures.Read(name), upload.Bytes);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"sticker","sticker":{"id":"{{{MediaApi.MediaId}}}"}}""",
            Assert.Single(api.Messages));
    }

    [Theory]
    [InlineData("voice.ogg", "audio/ogg")]
    [InlineData("tone.mp3", "audio/mpeg")]
    [InlineData("tone.aac", "audio/aac")]
    [InlineData("tone.m4a", "audio/mp4")]
    public async Task Audio_is_uploaded_with_the_type_of_its_format_and_sent(string name, string mimeType)
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        await client.SendAudioAsync(To, MediaFixtures.PathOf(name));

        var upload = Assert.Single(api.Uploads);
        Assert.Equal(name, upload.FileName);
        Assert.Equal(mimeType, upload.ContentType);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"audio","audio":{"id":"{{{MediaApi.MediaId}}}"}}""",
            Assert.Single(api.Messages));
    }

    [Fact]
    public async Task Ogg_with_vorbis_is_refused_as_audio()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => client.SendAudioAsync(To, MediaFixtures.PathOf("vorbis.ogg")));

        Assert.Equal(MediaProblemCodes.AudioCodec, Assert.Single(error.Report.Problems).Code);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_document_is_sent_with_its_caption_and_the_file_name_shown()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        await client.SendDocumentAsync(To, MediaFixtures.PathOf("document.pdf"), "Your invoice", "invoice-1042.pdf");

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("document.pdf", upload.FileName);
        Assert.Equal("application/pdf", upload.ContentType);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"document","document":{"id":"{{{MediaApi.MediaId}}}","caption":"Your invoice","filename":"invoice-1042.pdf"}}""",
            Assert.Single(api.Messages));
    }

    [Fact]
    public async Task A_document_without_a_file_name_is_shown_under_its_own()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        await client.SendDocumentAsync(To, MediaFixtures.PathOf("document.docx"));

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Assert.Single(api.Uploads).ContentType);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+15550001234","type":"document","document":{"id":"{{{MediaApi.MediaId}}}","filename":"document.docx"}}""",
            Assert.Single(api.Messages));
    }

    [Fact]
    public async Task A_bad_recipient_is_refused_before_the_file_is_opened_or_uploaded()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<MessageValidationException>(() => client.SendStickerAsync("nobody", "/nonexistent/sticker.webp"));

        Assert.Equal("StickerMessage", error.MessageType);
        Assert.Contains(error.Errors, e => e.Path == "$.to");
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_caption_too_long_is_refused_before_the_upload()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<MessageValidationException>(
            () => client.SendDocumentAsync(To, MediaFixtures.PathOf("document.pdf"), new string('x', 1025)));

        Assert.Contains(error.Errors, e => e.Path == "$.document.caption");
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_missing_file_is_named_and_nothing_is_uploaded()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => client.SendAudioAsync(To, "/nonexistent/voice.ogg"));

        Assert.Contains("/nonexistent/voice.ogg", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Upload_from_a_stream_checks_it_and_leaves_it_where_it_was()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        await using var file = File.OpenRead(MediaFixtures.PathOf("tone.m4a"));

        var mediaId = await client.UploadAudioAsync(file, "tone.m4a");

        Assert.Equal(MediaApi.MediaId, mediaId);
        var upload = Assert.Single(api.Uploads);
        Assert.Equal("audio/mp4", upload.ContentType);
        Assert.Equal(MediaFixtures.Read("tone.m4a"), upload.Bytes);
        Assert.Empty(api.Messages);
    }

    public static TheoryData<string, string> RefusedUploads => new()
    {
        { "image", "picture.webp" },
        { "audio", "tone.mp2" },
        { "sticker", "photo.png" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Each_upload_checks_its_own_kind(string kind, string name)
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        await using var file = File.OpenRead(MediaFixtures.PathOf(name));

        var error = await Assert.ThrowsAsync<IncompatibleMediaException>(() => kind switch
        {
            "image" => client.UploadImageAsync(file, name),
            "audio" => client.UploadAudioAsync(file, name),
            _ => client.UploadStickerAsync(file, name),
        });

        Assert.Equal(kind, error.Report.Kind.ToShortName());
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Any_file_is_a_document_and_unknown_bytes_go_up_as_octet_stream()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var notes = new MemoryStream("plain text notes\n"u8.ToArray());

        await client.UploadDocumentAsync(notes, "notes.txt");

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("application/octet-stream", upload.ContentType);
        Assert.Equal("notes.txt", upload.FileName);
    }

    [Fact]
    public async Task The_check_needs_a_stream_that_can_seek()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.UploadImageAsync(new NonSeekableStream(MediaFixtures.Read("photo.png")), "photo.png"));

        Assert.Equal("content", error.ParamName);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_skipped_check_reads_nothing_first_and_takes_the_type_from_the_name()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        var options = new MediaUploadOptions { SkipCompatibilityCheck = true };

        await client.UploadImageAsync(new NonSeekableStream(MediaFixtures.Read("picture.gif")), "picture.png", options);
        await client.SendStickerAsync(To, MediaFixtures.PathOf("picture.webp"), options);

        Assert.Equal(["image/png", "image/webp"], api.Uploads.Select(u => u.ContentType));
        Assert.Single(api.Messages);
    }

    [Fact]
    public void Video_upload_options_are_media_upload_options()
    {
        MediaUploadOptions options = new VideoUploadOptions { SkipCompatibilityCheck = true };

        Assert.True(options.SkipCompatibilityCheck);
    }

    [UnixFact]
    public async Task An_image_from_a_pipe_is_checked_uploaded_whole_and_sent()
    {
        await using var api = await MediaApi.StartAsync();
        using var client = api.CreateClient();
        using var cat = new CatProcess(MediaFixtures.PathOf("photo.jpg"));

        await client.SendImageAsync(To, cat.PipePath);

        var upload = Assert.Single(api.Uploads);
        Assert.Equal("image/jpeg", upload.ContentType);
        Assert.Equal(MediaFixtures.Read("photo.jpg"), upload.Bytes);
        Assert.Single(api.Messages);
    }

    /// <summary>A lossless WebP (<c>VP8L</c>) header of the given size: the 512x512 fixture with its 14-bit sizes rewritten.</summary>
    private static byte[] LosslessWebP(int width, int height)
    {
        var file = MediaFixtures.Read("sticker-lossless.webp");
        Assert.Equal((byte)0x2F, file[20]); // the VP8L signature byte, after RIFF, WEBP and the chunk header
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(21)) & ~0x0FFFFFFFu;
        bits |= (uint)(width - 1) | ((uint)(height - 1) << 14);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(21), bits);
        return file;
    }

    /// <summary>A temp directory for files named as a test needs them.</summary>
    private sealed class TempDirectory : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("messagegen-media-").FullName;

        public string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(_path, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public string Copy(string fixture, string name) => Write(name, MediaFixtures.Read(fixture));

        /// <summary>A copy of a fixture made <paramref name="length"/> bytes long by a sparse hole at its end.</summary>
        public string Grown(string fixture, string name, long length)
        {
            var path = Copy(fixture, name);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(length);
            return path;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
