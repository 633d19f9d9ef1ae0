namespace MessageGen.PackageTests;

[Collection(PackageFeedCollection.Name)]
public class GeneratorPackageTests(PackageFeed feed)
{
    private const string SendVideo = """
        using MessageGen.WhatsApp;

        var message = VideoMessage.Builder()
            .WithTo("4915112345678")
            .WithVideo(v => v.WithLink("https://example.com/v.mp4").WithCaption("Grüße 🎬"))
            .Build();
        Console.WriteLine(message.ToJson());
        """;

    private const string ExpectedBody = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"video","video":{"link":"https://example.com/v.mp4","caption":"Grüße 🎬"}}""";

    [Fact]
    public void A_net10_consumer_with_one_PackageReference_gets_VideoMessage_and_prints_the_APIs_body()
    {
        var consumer = feed.CreateConsumer("Net10Consumer", extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .WithFile("Program.cs", SendVideo);

        consumer.Build().ShouldSucceed();

        Assert.Equal(ExpectedBody, consumer.Run().ShouldSucceed().Output.Trim());
    }

    [Fact]
    public void A_net8_consumer_builds_and_runs_rolled_forward()
    {
        var consumer = feed.CreateConsumer("Net8Consumer", "net8.0").WithFile("Program.cs", SendVideo);

        consumer.Build().ShouldSucceed();

        var output = consumer.Run(new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" }).ShouldSucceed().Output;
        Assert.Equal(ExpectedBody, output.Trim());
    }

    [Fact]
    public void MessageGenNamespace_moves_the_generated_types()
    {
        var consumer = feed.CreateConsumer("NamespaceConsumer", extraProperties: "<MessageGenNamespace>Contoso.Messaging</MessageGenNamespace>")
            .WithFile("Program.cs", SendVideo.Replace("using MessageGen.WhatsApp;", "using Contoso.Messaging;", StringComparison.Ordinal));

        consumer.Build().ShouldSucceed();
        Assert.Equal(ExpectedBody, consumer.Run().ShouldSucceed().Output.Trim());
    }

    [Fact]
    public void A_consumers_own_schema_generates_types_beside_the_default_ones()
    {
        var imageSchema = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "tests/MessageGen.Generated.Tests/Schemas/image-message.schema.json"));
        var consumer = feed.CreateConsumer("ExtraSchemaConsumer", extraItems: """<AdditionalFiles Include="schemas/image-message.schema.json" />""")
            .WithFile("schemas/image-message.schema.json", imageSchema)
            .WithFile("Program.cs", """
                using MessageGen.WhatsApp;

                Console.WriteLine(ImageMessage.Builder().WithTo("4915112345678").WithImage(i => i.WithId("42")).Build().ToJson());
                Console.WriteLine(typeof(VideoMessage).Name);
                """);

        consumer.Build().ShouldSucceed();

        var lines = consumer.Run().ShouldSucceed().Output.Trim().Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Equal(
            new[] { """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"image","image":{"id":"42"}}""", "VideoMessage" },
            lines);
    }

    [Fact]
    public void MessageGenIncludeDefaultSchemas_false_removes_the_video_types()
    {
        var consumer = feed.CreateConsumer("NoDefaultsConsumer", extraProperties: "<MessageGenIncludeDefaultSchemas>false</MessageGenIncludeDefaultSchemas>")
            .WithFile("Program.cs", SendVideo);

        var result = consumer.Build().ShouldFail();

        Assert.Contains("error CS0234: The type or namespace name 'WhatsApp' does not exist in the namespace 'MessageGen'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_compiler_loads_the_generator()
    {
        // The .NET 10 SDK uses its own compiler unless RoslynCompilerType says to take the package's.
        var consumer = feed.CreateConsumer(
                "OldCompilerConsumer",
                extraProperties: "<RoslynCompilerType>FrameworkPackage</RoslynCompilerType>",
                extraItems: """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""")
            .WithFile("Program.cs", SendVideo);

        var build = consumer.Build("-v:n").ShouldSucceed();

        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll", build.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExpectedBody, consumer.Run().ShouldSucceed().Output.Trim());
    }

    [Fact]
    public void A_second_build_with_no_change_does_not_run_the_compiler_or_the_generator_again()
    {
        var consumer = feed.CreateConsumer("IncrementalConsumer").WithFile("Program.cs", SendVideo);
        consumer.Build().ShouldSucceed();

        var second = consumer.Build("-v:d").ShouldSucceed();

        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
    }
}
