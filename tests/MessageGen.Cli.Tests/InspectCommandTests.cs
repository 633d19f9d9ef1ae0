using System.CommandLine;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json;

namespace MessageGen.Cli.Tests;

public class InspectCommandTests
{
    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "video");

    /// <summary>Commands run on the thread pool under this limit, so that a hang fails the test instead of the run.</summary>
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_compatible_file_passes_every_rule_and_exits_0()
    {
        var (exitCode, output, error) = Run("inspect", Fixture("main.mp4"));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith($"{Fixture("main.mp4")}: compatible with WhatsApp", output);
        foreach (var rule in new[] { "container", "too-large", "video-codec", "h264-profile", "b-frames", "audio-codec", "audio-tracks", "moov-after-mdat" })
        {
            Assert.Matches($@"(?m)^  pass  {rule} +\S", output);
        }

        Assert.DoesNotContain("FAIL", output);
        Assert.DoesNotContain("fix:", output);
    }

    [Fact]
    public void An_incompatible_file_fails_its_rules_with_the_fix_command_and_exits_1()
    {
        var path = Fixture("hevc.mp4");

        var (exitCode, output, _) = Run("inspect", path);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{path}: NOT compatible with WhatsApp", output);
        Assert.Matches(@"(?m)^  FAIL  video-codec +The video codec is hevc \('hev1'\)", output);
        Assert.Matches(@"(?m)^  FAIL  b-frames ", output);
        Assert.Matches(@"(?m)^  pass  audio-codec +aac$", output);
        var fix = Assert.Single(output.Split('\n'), line => line.StartsWith("  fix:", StringComparison.Ordinal));
        Assert.Contains($"ffmpeg -i {path} -c:v libx264 -profile:v main -bf 0 -pix_fmt yuv420p -c:a copy -movflags +faststart", fix);
    }

    [Theory]
    [InlineData("main.mp4", "mp4", "video/mp4", "h264", "main", false, new[] { "aac" }, true, true, new string[0])]
    [InlineData("baseline.mp4", "mp4", "video/mp4", "h264", "baseline", false, new[] { "aac" }, true, true, new string[0])]
    [InlineData("main.3gp", "3gp", "video/3gpp", "h264", "main", false, new[] { "aac" }, true, true, new string[0])]
    [InlineData("no-audio.mp4", "mp4", "video/mp4", "h264", "main", false, new string[0], true, true, new string[0])]
    [InlineData("high.mp4", "mp4", "video/mp4", "h264", "high", false, new[] { "aac" }, true, false, new[] { "h264-profile" })]
    [InlineData("b-frames.mp4", "mp4", "video/mp4", "h264", "main", true, new[] { "aac" }, true, false, new[] { "b-frames" })]
    [InlineData("moov-at-end.mp4", "mp4", "video/mp4", "h264", "main", false, new[] { "aac" }, false, false, new[] { "moov-after-mdat" })]
    [InlineData("two-audio-tracks.mp4", "mp4", "video/mp4", "h264", "main", false, new[] { "aac", "aac" }, true, false, new[] { "audio-tracks" })]
    [InlineData("opus-audio.mp4", "mp4", "video/mp4", "h264", "main", false, new[] { "opus" }, true, false, new[] { "audio-codec" })]
    [InlineData("vp9.mp4", "mp4", "video/mp4", "vp9", null, false, new[] { "aac" }, true, false, new[] { "video-codec" })]
    [InlineData("quicktime.mov", "mov", "video/quicktime", "h264", "main", false, new[] { "aac" }, true, false, new[] { "container" })]
    public void Json_reports_the_encoded_facts_and_the_verdict(
        string name, string container, string mime, string videoCodec, string? h264Profile, bool hasBFrames,
        string[] audioCodecs, bool moovBeforeMdat, bool compatible, string[] problemCodes)
    {
        var path = Fixture(name);

        var (exitCode, output, error) = Run("inspect", path, "--json");

        Assert.Equal("", error);
        Assert.Equal(compatible ? 0 : 1, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(path).Length, root.GetProperty("size").GetInt64());
        Assert.Equal(container, root.GetProperty("container").GetString());
        Assert.Equal(mime, root.GetProperty("mime").GetString());
        Assert.Equal(videoCodec, root.GetProperty("videoCodec").GetString());
        Assert.Equal(h264Profile, root.GetProperty("h264Profile").GetString());
        Assert.Equal(hasBFrames, root.GetProperty("hasBFrames").GetBoolean());
        Assert.Equal(audioCodecs, root.GetProperty("audioCodecs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(moovBeforeMdat, root.GetProperty("moovBeforeMdat").GetBoolean());
        Assert.Equal(compatible, root.GetProperty("compatible").GetBoolean());
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(problemCodes, problems.Select(p => p.GetProperty("code").GetString()));
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString()));
            Assert.StartsWith($"ffmpeg -i {path} ", p.GetProperty("hint").GetString());
        });
    }

    [Fact]
    public void Json_hint_for_box_order_alone_is_the_remux_only_command()
    {
        var (_, output, _) = Run("inspect", Fixture("moov-at-end.mp4"), "--json");

        using var json = JsonDocument.Parse(output);
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(
            $"ffmpeg -i {Fixture("moov-at-end.mp4")} -c copy -movflags +faststart {Fixture("moov-at-end-whatsapp.mp4")}",
            problem.GetProperty("hint").GetString());
    }

    [Fact]
    public void An_unreadable_file_exits_1_with_the_offset_in_text_and_json()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "This is a text file, not a video.\n");

            var (textExit, text, _) = Run("inspect", path);
            var (jsonExit, jsonText, _) = Run("inspect", path, "--json");

            Assert.Equal(1, textExit);
            Assert.StartsWith($"{path}: unreadable", text);
            Assert.Matches(@"(?m)^  FAIL  unreadable +.*at byte offset 0, ", text);
            Assert.DoesNotContain("  pass  ", text);
            Assert.Equal(1, jsonExit);
            using var json = JsonDocument.Parse(jsonText);
            Assert.False(json.RootElement.GetProperty("compatible").GetBoolean());
            Assert.Equal("unknown", json.RootElement.GetProperty("container").GetString());
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
            Assert.Equal("unreadable", problem.GetProperty("code").GetString());
            Assert.Contains("at byte offset 0", problem.GetProperty("message").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_argument_is_bad_usage()
    {
        var (exitCode, output, error) = Run("inspect");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Required argument missing for command: 'inspect'", error);
        Assert.Contains("Run 'messagegen inspect --help' for usage.", error);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_bad_usage()
    {
        var path = Path.Combine(s_fixtures, "no-such-file.mp4");

        var (exitCode, output, error) = Run("inspect", path, "--json");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"messagegen inspect: file not found: '{path}' does not exist.", error);
    }

    [UnixFact]
    public void A_broken_symbolic_link_is_bad_usage_like_a_missing_file()
    {
        var directory = Directory.CreateTempSubdirectory("messagegen-inspect-");
        try
        {
            var target = Path.Combine(directory.FullName, "deleted.mp4");
            var link = Path.Combine(directory.FullName, "clip.mp4");
            File.CreateSymbolicLink(link, target);

            var (exitCode, output, error) = Run("inspect", link);

            Assert.Equal(2, exitCode);
            Assert.Equal("", output);
            Assert.Contains($"messagegen inspect: file not found: '{link}' is a broken symbolic link: its target '{target}' does not exist.", error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [UnixFact]
    public async Task A_fifo_no_process_writes_to_is_unreadable_at_once()
    {
        var directory = Directory.CreateTempSubdirectory("messagegen-inspect-");
        var fifo = MakeFifo(directory.FullName);
        try
        {
            var run = await Task.Run(() => CliRun.RunAsync(["inspect", fifo])).WaitAsync(s_hangLimit);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith($"{fifo}: unreadable", run.Output);
            Assert.Contains("no process is writing to it", run.Output);
        }
        finally
        {
            ReleaseBlockedReaders(fifo);
            directory.Delete(recursive: true);
        }
    }

    [UnixFact]
    public async Task Cancelling_ends_the_wait_for_a_writer_that_sends_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("messagegen-inspect-");
        var fifo = MakeFifo(directory.FullName);
        try
        {
            using var silentWriter = OpenAsWriter(fifo);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();

            var run = await Task.Run(() => CliRun.RunAsync(["inspect", fifo], cancellationToken: cancellation.Token)).WaitAsync(s_hangLimit);

            // Seconds for a busy machine to notice the cancellation; not stopping would hang until the limit.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed} to stop after a cancellation at 200 ms");
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Equal($"messagegen inspect: cancelled while reading '{fifo}'.", run.Error.TrimEnd());
        }
        finally
        {
            ReleaseBlockedReaders(fifo);
            directory.Delete(recursive: true);
        }
    }

    [UnixFact]
    public async Task A_pipe_from_a_process_is_inspected_like_the_file_it_carries()
    {
        // What a shell passes for: messagegen inspect <(cat main.mp4)
        using var cat = Process.Start(
            new ProcessStartInfo("cat", [Fixture("main.mp4")]) { RedirectStandardOutput = true })!;
        var pipe = $"/dev/fd/{((PipeStream)cat.StandardOutput.BaseStream).SafePipeHandle.DangerousGetHandle()}";

        var run = await Task.Run(() => CliRun.RunAsync(["inspect", pipe, "--json"])).WaitAsync(s_hangLimit);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(new FileInfo(Fixture("main.mp4")).Length, json.RootElement.GetProperty("size").GetInt64());
        Assert.True(json.RootElement.GetProperty("compatible").GetBoolean());
    }

    [UnixFact]
    public async Task The_zero_device_is_unreadable_and_too_large_never_empty()
    {
        var run = await Task.Run(() => CliRun.RunAsync(["inspect", "/dev/zero"])).WaitAsync(s_hangLimit);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("/dev/zero: unreadable", run.Output);
        Assert.Matches(@"(?m)^  FAIL  unreadable +.*not an MP4, 3GP or MOV file", run.Output);
        Assert.Matches(@"(?m)^  FAIL  too-large +.*more than 16,777,216 bytes", run.Output);
        Assert.DoesNotContain("empty", run.Output);
    }

    [Fact]
    public void A_directory_is_bad_usage()
    {
        var (exitCode, _, error) = Run("inspect", s_fixtures);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a directory", error);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("second.mp4")]
    public void An_unexpected_argument_is_bad_usage(string extra)
    {
        var (exitCode, output, error) = Run("inspect", Fixture("main.mp4"), extra);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"Unrecognized command or argument '{extra}'", error);
    }

    [Fact]
    public void Help_describes_the_file_argument_and_the_json_option()
    {
        var (exitCode, output, _) = Run("inspect", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("FILE", output);
        Assert.Contains("--json", output);
        Assert.Contains("without decoding it", output);
        Assert.Contains("pipe", output);
    }

    private static string Fixture(string name) => Path.Combine(s_fixtures, name);

    private static string MakeFifo(string directory)
    {
        var fifo = Path.Combine(directory, "clip.mp4");
        using var mkfifo = Process.Start("mkfifo", [fifo]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return fifo;
    }

    /// <summary>A writer that sends nothing: opened read-write, which Linux does at once, where write-only waits for a reader.</summary>
    private static FileStream OpenAsWriter(string fifo) => new(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>A reader blocked in open(), waiting for a writer (the hang these tests guard against), is released when one arrives.</summary>
    private static void ReleaseBlockedReaders(string fifo)
    {
        using (OpenAsWriter(fifo))
        {
        }
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var run = CliRun.RunAsync(args).GetAwaiter().GetResult();
        return (run.ExitCode, run.Output, run.Error);
    }
}

/// <summary>A fact that needs FIFOs, symbolic links, <c>/dev</c> and <c>/dev/fd</c>: skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs FIFOs, symbolic links, /dev and /dev/fd.";
        }
    }
}
