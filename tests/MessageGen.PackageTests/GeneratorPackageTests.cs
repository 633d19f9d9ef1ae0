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
        var imageSchema = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "tests/MessageGen.Generated.Tests/Schemas/photo-message.schema.json"));
        var consumer = feed.CreateConsumer("ExtraSchemaConsumer", extraItems: """<AdditionalFiles Include="schemas/photo-message.schema.json" />""")
            .WithFile("schemas/photo-message.schema.json", imageSchema)
            .WithFile("Program.cs", """
                using MessageGen.WhatsApp;

                Console.WriteLine(PhotoMessage.Builder().WithTo("4915112345678").WithImage(i => i.WithId("42")).Build().ToJson());
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

    /// <summary>
    /// The oldest compiler the package supports (the .NET 8 SDK's first, Visual Studio 17.8) has no compiler package
    /// on the feed here, so a program on that Roslyn loads the packed DLL the way a compiler host does and runs the
    /// generator and the analyzers on a consumer.
    /// </summary>
    [Fact]
    public void The_oldest_supported_Roslyn_loads_and_runs_the_packed_generator_and_analyzers()
    {
        var extracted = Path.Combine(feed.Root, "extracted-MessageGen");
        System.IO.Compression.ZipFile.ExtractToDirectory(feed.PackagePath("MessageGen"), extracted, overwriteFiles: true);
        var host = feed.CreateConsumer(
                "OldestRoslynHost",
                extraItems: $"""<PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="{PackageFeed.RoslynVersion}" />""")
            .WithFile("Program.cs", """"
                using System.Reflection;
                using Microsoft.CodeAnalysis;
                using Microsoft.CodeAnalysis.CSharp;
                using Microsoft.CodeAnalysis.Diagnostics;
                using Microsoft.CodeAnalysis.Text;

                var (analyzerFolder, schemaPath) = (args[0], args[1]);
                Console.WriteLine($"Roslyn {typeof(Compilation).Assembly.GetName().Version}");
                var loader = new Loader();
                var analyzerReference = new AnalyzerFileReference(Path.Combine(analyzerFolder, "MessageGen.dll"), loader);
                var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
                var consumer = CSharpSyntaxTree.ParseText("""
                    using MessageGen.WhatsApp;

                    var message = VideoMessage.Builder()
                        .WithTo("4915112345678")
                        .WithVideo(v => v.WithId("123").WithLink("https://example.com/v.mp4"))
                        .Build();
                    System.Console.WriteLine(message.ToJson());
                    """, parseOptions, path: "Consumer.cs");
                var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                    .Append(Path.Combine(AppContext.BaseDirectory, "MessageGen.Runtime.dll"))
                    .Select(p => MetadataReference.CreateFromFile(p));
                var compilation = CSharpCompilation.Create("Consumer", [consumer], references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

                CSharpGeneratorDriver.Create(analyzerReference.GetGenerators(LanguageNames.CSharp), [new Schema(schemaPath)], parseOptions)
                    .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
                var diagnostics = await generated.WithAnalyzers(analyzerReference.GetAnalyzers(LanguageNames.CSharp)).GetAllDiagnosticsAsync();
                foreach (var diagnostic in generatorDiagnostics.Concat(diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    Console.WriteLine($"{diagnostic.Id} line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}");
                }

                sealed class Loader : IAnalyzerAssemblyLoader
                {
                    public void AddDependencyLocation(string fullPath) { }

                    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
                }

                sealed class Schema(string path) : AdditionalText
                {
                    public override string Path { get; } = path;

                    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
                }
                """");
        host.Build().ShouldSucceed();

        var output = DotNet.Run(host.Directory, "run", "-c", "Release", "--no-build", "--",
            Path.Combine(extracted, "analyzers", "dotnet", "cs"), Path.Combine(extracted, "schema", "video-message.schema.json")).ShouldSucceed().Output;

        Assert.Equal(
            [$"Roslyn {Version.Parse(PackageFeed.RoslynVersion)}.0", "MG0001 line 5"],
            output.Trim().Split('\n').Select(l => l.Trim()));
    }
}
