using System.Text;
using System.Text.Json;
using MessageGen.Sandbox;
using MessageGen.Testing;

namespace MessageGen.Cli.Tests;

/// <summary><c>messagegen campaign run|status</c> against the sandbox, with the outbox in a SQLite file or a real PostgreSQL.</summary>
public sealed class CampaignCommandTests : IAsyncLifetime
{
    /// <summary>A whole text message body for <c>--message</c>; its "to" is replaced per row.</summary>
    private const string TextBody = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"0","type":"text","text":{"body":"Hi"}}""";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "messagegen-campaign-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _sandbox = await SandboxServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Store => Path.Combine(_directory, "outbox.db");

    private Dictionary<string, string> Environment => new() { ["D360_API_KEY"] = _sandbox.ApiKey };

    [Fact]
    public async Task A_template_campaign_sends_one_message_per_row_with_the_columns_as_body_parameters()
    {
        await using var sandbox = await TemplatesSandboxAsync();
        var csv = Write("customers.csv", "to,{{first_name}},{{discount_code}}\n+4915100000001,Anna,HELLO10\n4915100000002,\"Doe, John\",HELLO20\n");

        var run = await CliRun.RunAsync(
            ["campaign", "run", "--recipients", csv, "--store", Store, "--template", "welcome_offer", "--language", "en_US", "--base-url", sandbox.BaseAddress.ToString()],
            Environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("accepted 2", run.Output, StringComparison.Ordinal);
        var template = JsonDocument.Parse(sandbox.Messages.Single(m => m.To == "4915100000002").Body).RootElement.GetProperty("template");
        Assert.Equal("welcome_offer", template.GetProperty("name").GetString());
        Assert.Equal("en_US", template.GetProperty("language").GetProperty("code").GetString());
        var parameters = template.GetProperty("components")[0].GetProperty("parameters").EnumerateArray()
            .Select(p => $"{p.GetProperty("parameter_name").GetString()}={p.GetProperty("text").GetString()}").ToArray();
        Assert.Equal(["first_name=Doe, John", "discount_code=HELLO20"], parameters);
    }

    [Fact]
    public async Task Template_rows_that_are_no_message_are_reported_by_line_and_the_rest_is_sent()
    {
        await using var sandbox = await TemplatesSandboxAsync();
        var csv = Write("customers.csv", "to,{{first_name}},{{discount_code}}\nnot-a-phone,Anna,HELLO10\n4915100000002,,HELLO20\n4915100000003,Cleo,HELLO30\n");

        var run = await CliRun.RunAsync(
            ["campaign", "run", "--recipients", csv, "--store", Store, "--template", "welcome_offer", "--language", "en_US", "--base-url", sandbox.BaseAddress.ToString()],
            Environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("line 2 (row 1) is not sent: $.to", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3 (row 2) is not sent: empty parameter cell(s): {{first_name}}", run.Error, StringComparison.Ordinal);
        Assert.Equal(["4915100000003"], sandbox.Messages.Select(m => m.To));
    }

    [Fact]
    public async Task Rows_the_api_refuses_for_their_template_end_failed_with_its_code()
    {
        await using var sandbox = await TemplatesSandboxAsync();
        var csv = Write("customers.csv", "to,name,order\n4915100000001,Anna,A-1\n");

        // order_shipped needs its video header: the API answers 132000, and the row ends failed with it.
        var run = await CliRun.RunAsync(
            ["campaign", "run", "--recipients", csv, "--store", Store, "--template", "order_shipped", "--language", "en_US", "--base-url", sandbox.BaseAddress.ToString()],
            Environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("failed 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("4915100000001  key", run.Output, StringComparison.Ordinal);
        Assert.Contains("code 132000", run.Output, StringComparison.Ordinal);
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_line_and_the_rest_is_sent()
    {
        var csv = Write("customers.csv", "to,name\n4915100000001,Anna\nnot-a-phone,Bob\n4915100000003,Cleo,extra\n4915100000004,Dana\n");
        var message = Write("text.json", TextBody);

        var run = await CampaignAsync("run", "--recipients", csv, "--store", Store, "--message", message);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("line 3 (row 2)", run.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-phone", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4 (row 3)", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 cell(s) where the header has 2", run.Error, StringComparison.Ordinal);
        Assert.Equal(["4915100000001", "4915100000004"], _sandbox.Messages.Select(m => m.To).Order().ToArray());
    }

    [Fact]
    public async Task A_rerun_of_the_same_file_sends_nothing_twice_and_repeated_recipients_are_separate_messages()
    {
        var csv = Write("repeat.csv", "to\n4915100000001\n4915100000001\n4915100000002\n");
        var message = Write("text.json", TextBody);

        var first = await CampaignAsync("run", "--recipients", csv, "--store", Store, "--message", message);
        var second = await CampaignAsync("run", "--recipients", csv, "--store", Store, "--message", message);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("3 row(s) to send, 3 new", first.Error, StringComparison.Ordinal);
        Assert.Contains("3 row(s) to send, 0 new", second.Error, StringComparison.Ordinal);
        Assert.Equal(3, _sandbox.Messages.Count);
        Assert.Contains("accepted 3", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_a_run_and_running_it_again_sends_every_row_once()
    {
        await using var limited = await SandboxServer.StartAsync(new SandboxOptions { ApiKey = _sandbox.ApiKey });
        var csv = Write("many.csv", "to\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"49151{i:D8}\n")));
        var message = Write("text.json", TextBody);
        string[] args = ["campaign", "run", "--recipients", csv, "--store", Store, "--message", message, "--mps", "20", "--base-url", limited.BaseAddress.ToString()];
        using var stop = new CancellationTokenSource();
        var stopping = Task.Run(async () =>
        {
            while (limited.Messages.Count < 5)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
        });

        var stopped = await CliRun.RunAsync(args, Environment, stop.Token);
        await stopping;

        Assert.True(stopped.ExitCode == 1, stopped.ToString());
        Assert.Contains("run the same command again", stopped.Error, StringComparison.Ordinal);
        Assert.Contains("sending 0", stopped.Output, StringComparison.Ordinal);
        Assert.InRange(limited.Messages.Count, 5, 39);

        var resumed = await CliRun.RunAsync(args, Environment);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(40, limited.Messages.Count);
        Assert.Equal(40, limited.Messages.Select(m => m.To).Distinct().Count());
    }

    [Fact]
    public async Task Status_prints_a_line_per_state_and_the_recipients_of_failed_rows()
    {
        _sandbox.Faults.Enqueue(SandboxFault.Answer(400, """{"error":{"message":"(#131051) Unsupported","type":"OAuthException","code":131051,"fbtrace_id":"t"}}""").ForRecipient("4915100000002"));
        var csv = Write("c.csv", "to\n4915100000001\n4915100000002\n");
        var message = Write("text.json", TextBody);
        var run = await CampaignAsync("run", "--recipients", csv, "--store", Store, "--message", message, "--campaign", "spring");

        var status = await CampaignAsync("status", "--store", Store);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(status.ExitCode == 1, status.ToString());
        var lines = status.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["pending 0", "sending 0", "accepted 1", "delivered 0", "read 0", "failed 1", "unknown 0"], lines[..7]);
        Assert.Equal("Recipients of failed rows:", lines[7]);
        Assert.Equal("4915100000002  key spring:2  code 131051", lines[8]);
    }

    [Fact]
    public async Task Two_workers_on_one_postgresql_outbox_send_each_row_once()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var store = await postgres.CreateDatabaseAsync();
        var csv = Write("many.csv", "to\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"49151{i:D8}\n")));
        var message = Write("text.json", TextBody);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => CampaignAsync("run", "--recipients", csv, "--store", store, "--message", message)));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Equal(60, _sandbox.Messages.Count);
        Assert.Equal(60, _sandbox.Messages.Select(m => m.To).Distinct().Count());
        var status = await CampaignAsync("status", "--store", store);
        Assert.Contains("accepted 60", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", status.Output + status.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Give either", "--template", "t", "--language", "en", "--message", "m.json")]
    [InlineData("Give either", "--mps", "10")]
    [InlineData("--template needs --language", "--template", "t")]
    [InlineData("--language goes with --template", "--message", "m.json", "--language", "en")]
    [InlineData("--mps must be from 1 to 1000", "--template", "t", "--language", "en", "--mps", "0")]
    public async Task Usage_errors_exit_with_2_and_send_nothing(string expected, params string[] args)
    {
        var csv = Write("c.csv", "to\n4915100000001\n");

        var run = await CampaignAsync(["run", "--recipients", csv, "--store", Store, .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Messages);
    }

    [Fact]
    public async Task A_csv_without_a_to_column_is_a_usage_error()
    {
        var csv = Write("c.csv", "phone,name\n4915100000001,Anna\n");

        var run = await CampaignAsync("run", "--recipients", csv, "--store", Store, "--template", "t", "--language", "en");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("has no 'to' column", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A sandbox that knows the fixture's templates, with this test's key.</summary>
    private Task<SandboxServer> TemplatesSandboxAsync() => SandboxServer.StartAsync(new SandboxOptions
    {
        ApiKey = _sandbox.ApiKey,
        TemplatesFile = Path.Combine(AppContext.BaseDirectory, "fixtures", "templates", "sandbox-templates.json"),
    });

    private Task<CliRun> CampaignAsync(params string[] args) =>
        CliRun.RunAsync(["campaign", .. args, .. args[0] == "run" ? new[] { "--base-url", _sandbox.BaseAddress.ToString() } : []], Environment);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
