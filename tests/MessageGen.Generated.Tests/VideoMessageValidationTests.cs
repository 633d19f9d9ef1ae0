using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

public class VideoMessageValidationTests
{
    private static MessageValidationException BuildFails(Func<VideoMessageBuilder, VideoMessageBuilder> configure)
        => Assert.Throws<MessageValidationException>(() => configure(VideoMessage.Builder()).Build());

    [Fact]
    public void Empty_builder_lists_every_missing_member()
    {
        var error = BuildFails(b => b);

        Assert.Equal(
            new[]
            {
                new ValidationError("$.to", "Required member 'to' is missing."),
                new ValidationError("$.video", "Required member 'video' is missing."),
            },
            error.Errors);
        Assert.Equal("VideoMessage", error.MessageType);
        Assert.Equal(
            "VideoMessage is not valid (2 violations):" + Environment.NewLine +
            "  $.to: Required member 'to' is missing." + Environment.NewLine +
            "  $.video: Required member 'video' is missing.",
            error.Message);
    }

    [Fact]
    public void Both_id_and_link_is_rejected_with_the_path_of_the_video()
    {
        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithId("1").WithLink("https://example.com/v.mp4")));

        var violation = Assert.Single(error.Errors);
        Assert.Equal("$.video", violation.Path);
        Assert.Equal("Exactly one of 'id' or 'link' must be set, but 'id' and 'link' are both set. Keep one.", violation.Message);
    }

    [Fact]
    public void Caption_without_media_breaks_both_the_oneOf_and_the_dependency()
    {
        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithCaption("look")));

        Assert.Equal(
            new[]
            {
                new ValidationError("$.video", "Exactly one of 'id' or 'link' must be set; none is."),
                new ValidationError("$.video.caption", "'caption' is set, so 'id' or 'link' must be set too. Set one of them or remove 'caption'."),
            },
            error.Errors);
    }

    [Theory]
    [InlineData("49 151 123", "'to' must match the pattern ^\\+?[0-9]{6,15}$ but is \"49 151 123\".")]
    [InlineData("++4915112345678", "'to' must match the pattern ^\\+?[0-9]{6,15}$ but is \"++4915112345678\".")]
    [InlineData("١٢٣٤٥٦٧٨", "'to' must match the pattern ^\\+?[0-9]{6,15}$ but is \"١٢٣٤٥٦٧٨\".")]
    public void Phone_numbers_must_match_the_schema_pattern(string to, string expected)
    {
        var error = BuildFails(b => b.WithTo(to).WithVideo(v => v.WithId("1")));

        Assert.Equal(new ValidationError("$.to", expected), Assert.Single(error.Errors));
    }

    [Fact]
    public void Caption_length_counts_code_points_so_1024_emoji_fit_and_1025_characters_do_not()
    {
        var emoji = string.Concat(Enumerable.Repeat("🎬", 1024));
        var fits = VideoMessage.Builder().WithTo("4915112345678").WithVideo(v => v.WithId("1").WithCaption(emoji)).Build();
        Assert.Equal(emoji, fits.Video.Caption);

        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithId("1").WithCaption(new string('a', 1025))));
        Assert.Equal(new ValidationError("$.video.caption", "'caption' is 1025 characters long; the maximum is 1024."), Assert.Single(error.Errors));
    }

    [Fact]
    public void Empty_media_id_breaks_minLength()
    {
        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithId(string.Empty)));

        Assert.Equal(new ValidationError("$.video.id", "'id' is 0 characters long; the minimum is 1."), Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData("/videos/clip.mp4")]
    [InlineData("clip.mp4")]
    public void Link_must_be_an_absolute_uri(string link)
    {
        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithLink(link)));

        Assert.Equal(
            new ValidationError("$.video.link", $"'link' must be an absolute URI (such as https://example.com/video.mp4) but is \"{link}\"."),
            Assert.Single(error.Errors));
    }

    [Fact]
    public void A_relative_Uri_object_is_kept_and_rejected_rather_than_thrown_on()
    {
        var error = BuildFails(b => b.WithTo("4915112345678").WithVideo(v => v.WithLink(new Uri("clips/a.mp4", UriKind.Relative))));

        Assert.Equal("$.video.link", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var error = BuildFails(b => b.WithTo("not a phone").WithVideo(v => v.WithId(string.Empty).WithLink("relative").WithCaption(new string('x', 2000))));

        Assert.Equal(
            new[] { "$.to", "$.video.id", "$.video.link", "$.video.caption", "$.video" },
            error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_model_made_with_an_initializer_can_be_validated()
    {
        var message = new VideoMessage { To = "4915112345678", Video = new VideoMedia { Id = "1", Link = "https://example.com/a.mp4" } };

        Assert.Equal("$.video", Assert.Single(message.Validate()).Path);
        Assert.Empty(new VideoMessage { To = "4915112345678", Video = new VideoMedia { Id = "1" } }.Validate());
    }

    [Fact]
    public void A_standalone_media_builder_validates_with_paths_from_its_own_root()
    {
        var error = Assert.Throws<MessageValidationException>(() => VideoMedia.Builder().WithCaption("x").Build());

        Assert.Equal(new[] { "$", "$.caption" }, error.Errors.Select(e => e.Path));
        Assert.Equal("VideoMedia", error.MessageType);
    }
}
