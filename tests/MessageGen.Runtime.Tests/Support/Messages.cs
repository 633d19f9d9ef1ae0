using MessageGen.Runtime.Tests.Schema;

namespace MessageGen.Runtime.Tests.Support;

internal static class Messages
{
    public static VideoMessage Video(string to = "+15550001234", string caption = "Hello 👋") =>
        VideoMessage.Builder()
            .WithTo(to)
            .WithVideo(video => video.WithLink("https://cdn.example.com/clip.mp4").WithCaption(caption))
            .Build();
}
