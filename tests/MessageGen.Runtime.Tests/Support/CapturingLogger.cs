using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MessageGen.Runtime.Tests.Support;

/// <summary>Keeps every log entry (rendered text, structured values, exception) at every level, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Entries);

    public void Dispose()
    {
    }

    /// <summary>Everything logged, as one text: messages, structured values and exceptions.</summary>
    public string AllText() => string.Join(Environment.NewLine, Entries.Select(entry => entry.ToString()));

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception, state));
        }
    }
}

internal sealed record LogEntry(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception, object? State)
{
    public object? Value(string name) => Values.FirstOrDefault(pair => pair.Key == name).Value;

    public override string ToString() =>
        $"{Category} {Level} {EventId.Name}: {Message} | {string.Join(", ", Values.Select(pair => $"{pair.Key}={pair.Value}"))} | {Exception}";
}
