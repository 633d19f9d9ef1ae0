using System.Buffers.Binary;
using MessageGen.Media;
using MessageGen.Testing;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>Damaged, truncated and hostile headers: each gives an unreadable problem that says where, never an exception.</summary>
public class MediaFileInspectorMalformedInputTests
{
    [Theory]
    [InlineData("photo.jpg", 3, "the file ends inside a JPEG marker")]
    [InlineData("photo.jpg", 10, "JPEG segment 0xFFE0 claims 16 bytes, past the end of the file")]
    [InlineData("photo.png", 20, "the file ends inside the PNG header (IHDR chunk)")]
    [InlineData("sticker.webp", 16, "the file ends inside the WebP header")]
    [InlineData("sticker.webp", 100, "the RIFF header says the file has 622 bytes, but it has 100")]
    [InlineData("tone.aac", 5, "the file ends inside the ADTS frame header")]
    [InlineData("tone.mp3", 30, "the ID3 tag claims 45 bytes, past the end of the file")]
    [InlineData("tone.mp3", 45, "the file ends after its ID3 tag: it has no audio frames")]
    [InlineData("tone.mp3", 47, "the file ends inside the MPEG audio frame header")]
    [InlineData("voice.ogg", 20, "the file ends inside the first OGG page header")]
    public void A_truncated_header_is_unreadable_and_says_where_it_ends(string name, int keptBytes, string reason)
    {
        var bytes = MediaFixtures.Read(name)[..keptBytes];

        var problem = Assert.Single(Inspect(bytes).Problems);

        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.Contains(reason, problem.Message);
        Assert.Matches(@"at byte offset \d+, ", problem.Message);
    }

    [Fact]
    public void A_png_whose_header_fails_its_crc_is_unreadable()
    {
        var bytes = MediaFixtures.Read("photo.png");
        bytes[19] ^= 0x01; // the width, covered by the CRC

        var problem = Assert.Single(Inspect(bytes).Problems);

        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.StartsWith("The file cannot be read as a JPEG or PNG image: at byte offset 29, the 'IHDR' chunk's CRC is 0x", problem.Message);
    }

    [Fact]
    public void A_png_that_starts_with_another_chunk_is_unreadable()
    {
        var bytes = MediaFixtures.Read("photo.png");
        "pHYs"u8.CopyTo(bytes.AsSpan(12));

        Assert.Contains("the first chunk is 'pHYs', where PNG requires 'IHDR'", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void Jpeg_segments_are_skipped_by_their_lengths_past_the_first_read()
    {
        // A 60 KB EXIF segment puts the frame header past the 4 KiB prefix: one more 4-byte read, then the frame header.
        var photo = MediaFixtures.Read("photo.jpg");
        var exif = new byte[60_000];
        exif[0] = 0xFF;
        exif[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(exif.AsSpan(2), (ushort)(exif.Length - 2));
        byte[] bytes = [.. photo[..2], .. exif, .. photo[2..]];
        using var counting = new CountingStream(new MemoryStream(bytes));

        var report = MediaFileInspector.Inspect(counting);

        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
        Assert.Equal((64, 48), (report.Width, report.Height));
        Assert.True(counting.BytesRead < 4096 + 64, $"read {counting.BytesRead} bytes");
    }

    [Fact]
    public void Thousands_of_tiny_jpeg_segments_stop_at_the_header_budget()
    {
        // 100,000 empty COM segments (FF FE 00 02) before any frame header: 400 KB of headers.
        byte[] bytes = [0xFF, 0xD8, .. Enumerable.Repeat<byte[]>([0xFF, 0xFE, 0x00, 0x02], 100_000).SelectMany(s => s)];
        using var counting = new CountingStream(new MemoryStream(bytes));

        var problem = Assert.Single(MediaFileInspector.Inspect(counting).Problems);

        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.Contains("the headers go on past the 65,536 bytes the inspector reads of a file", problem.Message);
        Assert.True(counting.BytesRead <= MediaFileInspector.MaxHeaderBytes, $"read {counting.BytesRead} bytes");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08 }, "marker 0xFFDA comes before any frame header (SOFn)")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0 }, "has length 1, less than its own 2-byte length field")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x04, 0, 0 }, "the frame header 0xFFC0 has length 4, too short for the image size")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x08, 8, 0, 0, 0, 0, 3 }, "the frame header gives a size of 0x0 pixels")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x12, 0x34 }, "expected a JPEG marker (0xFF), found 0x12")]
    public void A_jpeg_without_a_usable_frame_header_is_unreadable(byte[] bytes, string reason)
    {
        var problem = Assert.Single(Inspect(bytes).Problems);

        Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
        Assert.Contains(reason, problem.Message);
    }

    [Fact]
    public void A_webp_whose_first_chunk_is_unknown_is_unreadable()
    {
        var bytes = MediaFixtures.Read("sticker.webp");
        "ALPH"u8.CopyTo(bytes.AsSpan(12));

        Assert.Contains("the first chunk is 'ALPH', where a WebP image starts with 'VP8 ', 'VP8L' or 'VP8X'", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void A_vp8_frame_with_a_broken_start_code_is_unreadable()
    {
        var bytes = MediaFixtures.Read("sticker.webp");
        bytes[23] = 0;

        Assert.Contains("the VP8 start code is 00 01 2A, where 9D 01 2A belongs", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void A_webp_chunk_larger_than_its_container_is_unreadable()
    {
        var bytes = MediaFixtures.Read("sticker.webp");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 0x7FFFFFFF);

        Assert.Contains("chunk 'VP8 ' claims 2,147,483,647 bytes, more than the RIFF container holds", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void An_adts_stream_whose_second_frame_is_missing_is_unreadable()
    {
        var bytes = MediaFixtures.Read("tone.aac");
        var frameLength = ((bytes[3] & 0x3) << 11) | (bytes[4] << 3) | (bytes[5] >> 5);
        bytes[frameLength] = 0;

        Assert.Contains("the second ADTS frame does not start where the first one ends", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void An_id3_tag_with_a_size_byte_over_0x7F_is_unreadable()
    {
        var bytes = MediaFixtures.Read("tone.mp3");
        bytes[9] = 0x80;

        Assert.Contains("the ID3 tag size has byte 0x80, where each byte is below 0x80", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void An_id3_tag_followed_by_no_frame_sync_is_unreadable()
    {
        var bytes = MediaFixtures.Read("tone.mp3");
        bytes[45] = 0x00; // the first frame, right after the 45-byte tag

        Assert.Contains("expected an MPEG audio frame (sync bits FF E0), found 00 F3", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void An_id3_tag_in_front_of_adts_makes_aac()
    {
        var mp3 = MediaFixtures.Read("tone.mp3");
        byte[] bytes = [.. mp3[..45], .. MediaFixtures.Read("tone.aac")];

        var report = Inspect(bytes);

        Assert.Equal(("aac", "audio/aac"), (report.Format, report.MimeType));
        Assert.True(report.IsCompatible, string.Join("; ", report.Problems));
    }

    [Fact]
    public void An_ogg_file_that_does_not_begin_a_stream_is_unreadable()
    {
        var bytes = MediaFixtures.Read("voice.ogg");
        bytes[5] = 0;

        Assert.Contains("the first OGG page is not marked as the beginning of a stream", Inspect(bytes).Problems.Single().Message);
    }

    [Fact]
    public void An_amr_file_with_no_frames_or_a_reserved_frame_type_is_unreadable()
    {
        Assert.Contains("the file ends after its AMR header: it has no audio frames", Inspect("#!AMR\n"u8.ToArray()).Problems.Single().Message);

        var reserved = MediaFixtures.Amr();
        reserved[6] = 9 << 3;
        Assert.Contains("its frame type 9 is reserved", Inspect(reserved).Problems.Single().Message);
    }

    [Fact]
    public void A_damaged_header_does_not_matter_to_a_document()
    {
        var bytes = MediaFixtures.Read("photo.png")[..20];
        using var stream = new MemoryStream(bytes);

        var report = MediaFileInspector.Inspect(stream, MediaKind.Document);

        Assert.True(report.IsCompatible);
        Assert.Equal("image/png", report.MimeType);
        Assert.Null(report.Width);
    }

    [Fact]
    public void A_damaged_png_checked_as_a_sticker_is_first_of_all_the_wrong_format()
    {
        var bytes = MediaFixtures.Read("photo.png")[..20];
        using var stream = new MemoryStream(bytes);

        var report = MediaFileInspector.Inspect(stream, MediaKind.Sticker);

        Assert.Equal([MediaProblemCodes.Format], report.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Bytes_that_match_nothing_are_unreadable_for_every_kind_but_document_and_name_their_first_bytes()
    {
        var bytes = "Meeting notes\n"u8.ToArray();

        foreach (var kind in new[] { MediaKind.Image, MediaKind.Audio, MediaKind.Sticker })
        {
            using var stream = new MemoryStream(bytes);
            var problem = Assert.Single(MediaFileInspector.Inspect(stream, kind).Problems);

            Assert.Equal(MediaProblemCodes.Unreadable, problem.Code);
            Assert.Contains("at byte offset 0, it starts with 4D 65 65 74 69 6E 67 20, which matches no format the inspector knows", problem.Message);
        }
    }

    private static MediaFileReport Inspect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MediaFileInspector.Inspect(stream);
    }
}
