using System.CommandLine;

namespace ArcSynth.Cli.Commands;

/// <summary><c>--db CONNECTION</c>, else <c>$ARCSYNTH_DB</c>: the PostgreSQL database a command works on instead of the home folder's SQLite file.</summary>
internal sealed class DatabaseOption(string description)
{
    /// <summary>The environment variable that gives the database when --db is not.</summary>
    public const string Variable = "ARCSYNTH_DB";

    public readonly Option<string?> Db = new("--db") { Description = $"{description} (default: ${Variable})." };

    /// <summary>The Npgsql connection string, or null for the home folder's SQLite file.</summary>
    public string? Resolve(ParseResult parse) =>
        parse.GetValue(Db) ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null);
}
