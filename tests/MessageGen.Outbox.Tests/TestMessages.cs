using MessageGen.Outbox.Tests.Schema;
using MessageGen.Sandbox;

namespace MessageGen.Outbox.Tests;

internal static class TestMessages
{
    public static TextMessage Text(string to, string body = "Your order shipped") =>
        TextMessage.Builder().WithTo(to).WithText(t => t.WithBody(body)).Build();

    /// <summary>A recipient per number: 4915100000001, 4915100000002, ...</summary>
    public static string Recipient(int number) => "49151" + number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static WhatsAppClient ClientOf(SandboxServer sandbox, int maxRetries = 0) => new(new WhatsAppClientOptions
    {
        ApiKey = sandbox.ApiKey,
        BaseAddress = sandbox.BaseAddress,
        Retry = { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false },
    });

    /// <summary>Text messages 1..<paramref name="count"/> to <see cref="Recipient"/>(i), keyed <paramref name="keyPrefix"/> + i.</summary>
    public static IEnumerable<OutboxMessage> Texts(int count, string keyPrefix = "c:") =>
        Enumerable.Range(1, count).Select(i => new OutboxMessage($"{keyPrefix}{i}", Text(Recipient(i))));

    /// <summary>Short polls and retry delays, so that tests of retries take a second, not a minute.</summary>
    public static OutboxSenderOptions QuickOptions(string worker, int maxAttempts = 5) => new()
    {
        WorkerId = worker,
        // Renewed every third of it: seconds, so that a busy machine (SQLite waiting out another writer) does not let it lapse.
        LeaseDuration = TimeSpan.FromSeconds(10),
        PollInterval = TimeSpan.FromMilliseconds(50),
        RetryDelay = TimeSpan.FromMilliseconds(100),
        MaxAttempts = maxAttempts,
    };

    /// <summary>How many times the sandbox accepted a message for each recipient.</summary>
    public static Dictionary<string, int> AcceptedPerRecipient(SandboxServer sandbox) =>
        sandbox.Messages.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
}
