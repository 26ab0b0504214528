namespace ArcSynth.Server;

/// <summary>How <c>arcsynth serve</c> runs: where it listens, where its state lives, where seeds and tasks come from.</summary>
public sealed record ServerOptions
{
    /// <summary>Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c> (port 0: any free port).</summary>
    public required string Urls { get; init; }

    /// <summary>An Npgsql connection string: all state and Quartz's clustered job store in PostgreSQL. Null: the embedded SQLite file.</summary>
    public string? Database { get; init; }

    /// <summary>The SQLite file used without <see cref="Database"/>.</summary>
    public string SqlitePath { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".arcsynth", "arcsynth.db");

    /// <summary>The seed programs runs start from (arc-dsl format).</summary>
    public required string SeedsFile { get; init; }

    /// <summary>Threads the executor uses for a run's step.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
