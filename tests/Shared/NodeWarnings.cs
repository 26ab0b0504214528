using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Tests.Shared;

/// <summary>
/// The warnings and errors the servers of one database logged (every node of a cluster test writes
/// to the same list), so that a test that times out on a run says why its steps failed: a failure
/// that happens once in many CI runs must explain itself the first time.
/// </summary>
internal sealed class NodeWarnings : ILoggerProvider
{
    private const int Kept = 40;
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ByDatabase = new();
    private readonly ConcurrentQueue<string> _lines;

    public NodeWarnings(string database) => _lines = ByDatabase.GetOrAdd(database, _ => new ConcurrentQueue<string>());

    /// <summary>The last warnings logged by the servers of <paramref name="database"/>, oldest first, or a line saying there were none.</summary>
    public static string Of(string database) =>
        ByDatabase.TryGetValue(database, out var lines) && !lines.IsEmpty ? string.Join(Environment.NewLine, lines) : "(the servers logged no warning)";

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Kept) _lines.TryDequeue(out _);
    }

    private sealed class Logger(NodeWarnings owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $"{Environment.NewLine}{exception}")}");
        }
    }
}
