using System.CommandLine;
using ArcSynth.Server;

namespace ArcSynth.Cli.Commands;

/// <summary><c>--db CONNECTION</c>, else <c>$ARCSYNTH_DB</c>: the PostgreSQL database a command works on instead of the home folder's SQLite file.</summary>
internal sealed class DatabaseOption(string description)
{
    public readonly Option<string?> Db = new("--db") { Description = $"{description} (default: ${ServerOptions.DatabaseVariable})." };

    /// <summary>The Npgsql connection string, or null for the home folder's SQLite file.</summary>
    public string? Resolve(ParseResult parse) =>
        parse.GetValue(Db) ?? (Environment.GetEnvironmentVariable(ServerOptions.DatabaseVariable) is { Length: > 0 } v ? v : null);
}
