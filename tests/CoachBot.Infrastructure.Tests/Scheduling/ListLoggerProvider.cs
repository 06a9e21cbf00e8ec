using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>Keeps every log entry (category, event id, message) for assertions; signals an awaited CoachBot event id.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<LogEntry>> _waiters = new();

    public IReadOnlyCollection<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public Task<LogEntry> WaitForAsync(int eventId) => Waiter(eventId).Task;

    public void Dispose()
    {
    }

    private TaskCompletionSource<LogEntry> Waiter(int eventId) =>
        _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);

        // Only CoachBot's own events: Quartz and EF use overlapping event ids.
        if (entry.Category.StartsWith("CoachBot.", StringComparison.Ordinal))
        {
            Waiter(entry.EventId).TrySetResult(entry);
        }
    }

    internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
