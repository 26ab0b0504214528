using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Server;

/// <summary>How <c>arcsynth serve</c> runs: where it listens, where its state lives, where seeds come from.</summary>
public sealed record ServerOptions
{
    /// <summary>Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c> (port 0: any free port).</summary>
    public required string Urls { get; init; }

    /// <summary>An Npgsql connection string: all state and Quartz's clustered job store in PostgreSQL. Null: the home folder's SQLite file.</summary>
    public string? Database { get; init; }

    /// <summary>The home folder (as <c>arcsynth run</c> has it): the SQLite store without <see cref="Database"/>, and the runs' checkpoints.</summary>
    public string Home { get; init; } = HomeFolder.Resolve(null);

    /// <summary>The seed programs runs start from (arc-dsl format).</summary>
    public required string SeedsFile { get; init; }

    /// <summary>The repository's <c>dsl/contrib/</c>, loaded with the built-in primitives and the store's accepted ones; null for none.</summary>
    public string? ContribFolder { get; init; }
}
