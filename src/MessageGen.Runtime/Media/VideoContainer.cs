namespace MessageGen.Media;

/// <summary>The container format of a video file, as its <c>ftyp</c> brands declare it.</summary>
public enum VideoContainer
{
    /// <summary>Not a container this inspector recognises.</summary>
    Unknown,

    /// <summary>MPEG-4 Part 14 (<c>.mp4</c>, <c>video/mp4</c>).</summary>
    Mp4,

    /// <summary>3GPP (<c>.3gp</c>, <c>video/3gpp</c>).</summary>
    ThreeGpp,

    /// <summary>Apple QuickTime (<c>.mov</c>, <c>video/quicktime</c>).</summary>
    QuickTime,
}

/// <summary>Names and MIME types of <see cref="VideoContainer"/> values.</summary>
public static class VideoContainerExtensions
{
    /// <summary>
    /// The short name used by <c>messagegen inspect</c>: <c>mp4</c>, <c>3gp</c>, <c>mov</c> or <c>unknown</c>.
    /// </summary>
    /// <param name="container">The container.</param>
    public static string ToShortName(this VideoContainer container) => container switch
    {
        VideoContainer.Mp4 => "mp4",
        VideoContainer.ThreeGpp => "3gp",
        VideoContainer.QuickTime => "mov",
        _ => "unknown",
    };

    /// <summary>
    /// The MIME type of files in this container: <c>video/mp4</c>, <c>video/3gpp</c>, <c>video/quicktime</c>,
    /// or <c>application/octet-stream</c> for <see cref="VideoContainer.Unknown"/>.
    /// </summary>
    /// <param name="container">The container.</param>
    public static string ToMimeType(this VideoContainer container) => container switch
    {
        VideoContainer.Mp4 => "video/mp4",
        VideoContainer.ThreeGpp => "video/3gpp",
        VideoContainer.QuickTime => "video/quicktime",
        _ => "application/octet-stream",
    };
}
