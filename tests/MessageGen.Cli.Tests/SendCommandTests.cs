using MessageGen.Testing;
using MessageGen.Sandbox;

namespace MessageGen.Cli.Tests;

public sealed class SendCommandTests
{
    [Fact]
    public async Task Dry_run_prints_the_exact_body_and_needs_no_key()
    {
        var run = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--link", "https://cdn.example.com/a.mp4", "--caption", "Grüße 🎬", "--dry-run"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"link":"https://cdn.example.com/a.mp4","caption":"Grüße 🎬"}}""",
            run.Output.Trim());
    }

    [Fact]
    public async Task Sends_with_the_key_from_the_environment_and_prints_the_accepted_id()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(
            ["send", "--to", "+4915112345678", "--id", "1234567890", "--base-url", sandbox.BaseAddress.ToString()],
            new Dictionary<string, string> { ["D360_API_KEY"] = sandbox.ApiKey });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Assert.Single(sandbox.Messages).Id, run.Output.Trim());
    }

    [Fact]
    public async Task The_api_key_option_wins_over_the_environment()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(
            ["send", "--to", "+4915112345678", "--id", "1", "--base-url", sandbox.BaseAddress.ToString(), "--api-key", sandbox.ApiKey],
            new Dictionary<string, string> { ["D360_API_KEY"] = "stale-key" });

        Assert.Equal(0, run.ExitCode);
        Assert.Single(sandbox.Messages);
    }

    [Fact]
    public async Task A_rejection_by_the_api_exits_1_with_the_reason_and_without_the_key()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync(
            ["send", "--to", "+4915112345678", "--id", "1", "--base-url", sandbox.BaseAddress.ToString(), "--api-key", "wrong-secret-key"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-key", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_network_failure_exits_1()
    {
        Uri closed;
        await using (var sandbox = await SandboxServer.StartAsync())
        {
            closed = sandbox.BaseAddress;
        }

        var run = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--base-url", closed.ToString(), "--api-key", "k", "--retries", "0"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not connect", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_send_in_flight_exits_1_and_says_the_outcome_is_unknown()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.SlowAnswer(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        var running = CliRun.RunAsync(
            ["send", "--to", "+4915112345678", "--id", "1", "--base-url", sandbox.BaseAddress.ToString(), "--api-key", sandbox.ApiKey],
            cancellationToken: cancellation.Token);
        await sandbox.WaitUntilFaultsTakenAsync();

        await cancellation.CancelAsync();
        var run = await running;

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("may have been delivered", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("send", "--id", "1", "--dry-run")]
    [InlineData("send", "--to", "+4915112345678", "--dry-run")]
    [InlineData("send", "--to", "+4915112345678", "--id", "1", "--link", "https://cdn.example.com/a.mp4", "--dry-run")]
    [InlineData("send", "--to", "+4915112345678", "--id", "1", "--frobnicate")]
    [InlineData("send", "--to", "+4915112345678", "--id", "1", "--retries", "-1")]
    [InlineData("send", "--to", "+4915112345678", "--id", "1", "--retries", "abc", "--dry-run")]
    [InlineData("send", "--to", "+4915112345678", "--id", "1", "--base-url", "not a url")]
    [InlineData("launch")]
    [InlineData]
    public async Task Bad_usage_exits_2_with_a_pointer_to_help(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("--to", "send", "--to")]
    [InlineData("--to", "send", "--to", "--link", "https://cdn.example.com/a.mp4", "--dry-run")]
    [InlineData("--link", "send", "--to", "+4915112345678", "--link")]
    [InlineData("--caption", "send", "--to", "+4915112345678", "--id", "1", "--caption")]
    public async Task An_option_without_its_value_is_named(string option, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} needs a value, ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("relative/path")]
    public async Task A_relative_base_url_is_reported_as_given_not_as_a_file_url(string baseUrl)
    {
        var run = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--api-key", "k", "--base-url", baseUrl]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--base-url '{baseUrl}' is not an absolute URL", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_whose_text_is_not_Unicode_is_reported_without_a_stack_trace()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#100) bad \ud800 text","code":100}}"""));

        var run = await CliRun.RunAsync(
            ["send", "--to", "+4915112345678", "--id", "1", "--base-url", sandbox.BaseAddress.ToString(), "--api-key", sandbox.ApiKey]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("code 100", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_message_exits_2_naming_each_problem()
    {
        var caption = new string('x', 1025);

        var run = await CliRun.RunAsync(["send", "--to", "12", "--id", "1", "--caption", caption, "--dry-run"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.to", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.video.caption", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_without_any_key_exits_2()
    {
        var run = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--base-url", "http://127.0.0.1:9/"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("D360_API_KEY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_text_address_off_this_machine_exits_2()
    {
        var run = await CliRun.RunAsync(["send", "--to", "+4915112345678", "--id", "1", "--base-url", "http://api.example.com/", "--api-key", "k"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("clear text", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_options()
    {
        var root = await CliRun.RunAsync(["--help"]);
        var send = await CliRun.RunAsync(["send", "--help"]);

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("send", root.Output, StringComparison.Ordinal);
        Assert.Contains("sandbox", root.Output, StringComparison.Ordinal);
        Assert.Contains("inspect", root.Output, StringComparison.Ordinal);
        Assert.Equal(0, send.ExitCode);
        Assert.Contains("--to <PHONE>", send.Output, StringComparison.Ordinal);
        Assert.Contains("--dry-run", send.Output, StringComparison.Ordinal);
        Assert.Contains("D360_API_KEY", send.Output, StringComparison.Ordinal);
    }
}
