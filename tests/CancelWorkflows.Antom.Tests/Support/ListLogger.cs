using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Antom.Tests.Support;

/// <summary>Captures log lines (formatted message, level, structured state and exception text) for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> kv
            ? kv.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        Lines.Enqueue(new LogLine(logLevel, formatter(state, exception), properties, exception?.ToString()));
    }

    /// <summary>Everything that reached the logger, as one text, for "never contains" checks.</summary>
    public string AllText() =>
        string.Join('\n', Lines.Select(l => $"{l.Message}|{string.Join(';', l.Properties.Select(p => $"{p.Key}={p.Value}"))}|{l.Exception}"));
}

internal sealed record LogLine(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, string? Exception);
