using System.Buffers;
using System.Text;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

public class VideoMessageSerializationTests
{
    [Fact]
    public void Uploaded_media_body_is_the_APIs_example_byte_for_byte()
    {
        var message = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1234567890")).Build();

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"id":"1234567890"}}""",
            message.ToJson());
    }

    [Fact]
    public void Hosted_media_body_with_caption_is_the_APIs_example_byte_for_byte()
    {
        var message = VideoMessage.Builder()
            .WithTo("+4915112345678")
            .WithVideo(v => v.WithLink(new Uri("https://cdn.example.com/clip.mp4")).WithCaption("Our new clip"))
            .Build();

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"link":"https://cdn.example.com/clip.mp4","caption":"Our new clip"}}""",
            message.ToJson());
    }

    [Fact]
    public void WriteTo_writes_the_same_UTF8_bytes_as_ToJson_and_appends_to_a_reused_buffer()
    {
        var message = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("abc")).Build();
        var buffer = new ArrayBufferWriter<byte>();

        message.WriteTo(buffer);
        message.WriteTo(buffer);

        var once = Encoding.UTF8.GetBytes(message.ToJson());
        Assert.Equal(once.Concat(once).ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("line\nbreak\r\ttab", "line\\nbreak\\r\\ttab")]
    [InlineData("bell\u0007 nul\u0000 unit\u001f", "bell\\u0007 nul\\u0000 unit\\u001f")]
    [InlineData("\b\f", "\\b\\f")]
    [InlineData("</script> & 'quotes' + del\u007f", "</script> & 'quotes' + del\u007f")]
    [InlineData("Grüße, café, 東京", "Grüße, café, 東京")]
    [InlineData("party 🎉👍🏽", "party 🎉👍🏽")]
    public void Captions_escape_only_what_JSON_requires_and_keep_other_text_as_raw_UTF8(string caption, string expectedInJson)
    {
        var message = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1").WithCaption(caption)).Build();
        var buffer = new ArrayBufferWriter<byte>();
        message.WriteTo(buffer);

        const string prefix = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"id":"1","caption":""";
        var expected = Encoding.UTF8.GetBytes(prefix + "\"" + expectedInJson + "\"}}");
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(caption, VideoMessage.FromJson(buffer.WrittenSpan).Video.Caption);
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_written_and_the_error_says_where()
    {
        var message = new VideoMessage { To = "4915112345678", Video = new VideoMedia { Id = "1", Caption = "bad \ud83d here" } };

        var error = Assert.Throws<ArgumentException>(() => message.ToJson());
        Assert.Contains("lone UTF-16 surrogate (U+D83D) at index 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trip_through_FromJson_keeps_every_member()
    {
        var original = VideoMessage.Builder()
            .WithTo("+15551234567")
            .WithVideo(new VideoMedia { Link = "https://example.com/v.mp4?x=1&y=2", Caption = "ünïcödé \"quoted\" 🎬" })
            .Build();

        var copy = VideoMessage.FromJson(original.ToJson());

        Assert.Equal(original.To, copy.To);
        Assert.Equal(original.Video.Link, copy.Video.Link);
        Assert.Equal(original.Video.Caption, copy.Video.Caption);
        Assert.Null(copy.Video.Id);
        Assert.Equal(original.ToJson(), copy.ToJson());
    }

    [Fact]
    public void FromJson_accepts_members_in_any_order_and_whitespace()
    {
        const string json = """
            {
              "video": { "caption": "hi", "id": "42" },
              "type": "video",
              "to": "4915112345678",
              "recipient_type": "individual",
              "messaging_product": "whatsapp"
            }
            """;

        var message = VideoMessage.FromJson(json);

        Assert.Equal("42", message.Video.Id);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"id":"42","caption":"hi"}}""",
            message.ToJson());
    }

    [Fact]
    public void Writing_a_model_whose_required_member_is_null_says_which_member()
    {
        var message = new VideoMessage { To = null!, Video = new VideoMedia { Id = "1" } };

        var error = Assert.Throws<InvalidOperationException>(() => message.ToJson());
        Assert.Equal(
            "VideoMessage cannot be written: the required member 'to' is null. Build messages with VideoMessage.Builder(), or call Validate() first.",
            error.Message);
    }

    [Fact]
    public void Builders_are_mutable_and_return_themselves()
    {
        var builder = new VideoMediaBuilder();

        Assert.Same(builder, builder.WithId("1"));
        Assert.Same(builder, builder.WithCaption("c"));
        Assert.Equal("1", builder.Build().Id);
        Assert.Equal("2", builder.WithId("2").Build().Id);
    }

    [Fact]
    public void Constant_members_are_read_only_schema_values()
    {
        var message = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1")).Build();

        Assert.Equal("whatsapp", message.MessagingProduct);
        Assert.Equal("individual", message.RecipientType);
        Assert.Equal("video", message.Type);
        Assert.Null(typeof(VideoMessage).GetProperty(nameof(VideoMessage.Type))!.SetMethod);
    }
}
