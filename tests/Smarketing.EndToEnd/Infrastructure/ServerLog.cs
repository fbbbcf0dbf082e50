using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>
/// Keeps the app's warnings and errors, so a test that fails can show what the server said meanwhile
/// (an exception in a circuit only shows as Blazor's error bar in the browser).
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The entries logged after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> Since(int skip) => [.. _entries.Skip(skip)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var entry = $"server {logLevel} {category}: {formatter(state, exception)}";
            entries.Enqueue(exception is null ? entry : $"{entry}{Environment.NewLine}{exception}");
        }
    }
}
