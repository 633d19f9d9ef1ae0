namespace MessageGen.PackageTests;

[Collection(PackageFeedCollection.Name)]
public class AnalyzerPackageTests(PackageFeed feed)
{
    private const string BothIdAndLink = """
        using MessageGen.WhatsApp;

        var message = VideoMessage.Builder()
            .WithTo("4915112345678")
            .WithVideo(v => v.WithId("123").WithLink("https://example.com/v.mp4"))
            .Build();
        Console.WriteLine(message.ToJson());
        """;

    [Fact]
    public void Setting_both_id_and_link_fails_the_build_with_MG0001_at_the_right_line()
    {
        var consumer = feed.CreateConsumer("Mg0001Consumer").WithFile("Program.cs", BothIdAndLink);

        var build = consumer.Build().ShouldFail();

        Assert.Matches(@"Program\.cs\(5,\d+\): error MG0001: .*'id'.*'link'|Program\.cs\(5,\d+\): error MG0001: .*'link'.*'id'", build.Output);
    }

    [Fact]
    public void Editorconfig_turns_MG0001_into_a_warning()
    {
        var consumer = feed.CreateConsumer("Mg0001WarningConsumer")
            .WithFile("Program.cs", BothIdAndLink)
            .WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MG0001.severity = warning\n");

        var build = consumer.Build().ShouldSucceed();

        Assert.Matches(@"Program\.cs\(5,\d+\): warning MG0001", build.Output);
    }

    [Fact]
    public void Caption_without_media_fails_the_build_with_MG0002()
    {
        var consumer = feed.CreateConsumer("Mg0002Consumer").WithFile("Program.cs", """
            using MessageGen.WhatsApp;

            var media = new VideoMedia { Caption = "no media" };
            Console.WriteLine(media.Caption);
            """);

        var build = consumer.Build().ShouldFail();

        Assert.Matches(@"Program\.cs\(3,\d+\): error MG0002", build.Output);
    }

    /// <summary>The code fixes load from the package in the SDK's own fixer, fix every occurrence, and the result builds clean.</summary>
    [Fact]
    public void Dotnet_format_applies_the_packaged_MG0001_fix_everywhere_and_the_result_builds_clean()
    {
        var consumer = feed.CreateConsumer("Mg0001FixConsumer", extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .WithFile("Program.cs", BothIdAndLink + """

                var media = new VideoMedia { Id = "7", Link = "https://example.com/w.mp4", Caption = "kept" };
                Console.WriteLine(media.Caption);
                """);

        DotNet.Run(consumer.Directory, "format", "analyzers", "--diagnostics", "MG0001", "--severity", "error").ShouldSucceed();

        Assert.Equal(
            """
            using MessageGen.WhatsApp;

            var message = VideoMessage.Builder()
                .WithTo("4915112345678")
                .WithVideo(v => v.WithId("123"))
                .Build();
            Console.WriteLine(message.ToJson());
            var media = new VideoMedia { Id = "7", Caption = "kept" };
            Console.WriteLine(media.Caption);
            """,
            File.ReadAllText(Path.Combine(consumer.Directory, "Program.cs")).ReplaceLineEndings("\n"));
        consumer.Build().ShouldSucceed();
    }
}
