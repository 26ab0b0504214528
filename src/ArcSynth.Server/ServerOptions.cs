using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Server;

/// <summary>How <c>arcsynth serve</c> and <c>arcsynth worker</c> run: where they listen, where their state lives, where seeds come from.</summary>
public sealed record ServerOptions
{
    /// <summary>The environment variable that gives <see cref="Database"/> when the command line does not.</summary>
    public const string DatabaseVariable = "ARCSYNTH_DB";

    /// <summary>Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c> (port 0: any free port); a worker listens nowhere.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>An Npgsql connection string: all state and Quartz's clustered job store in PostgreSQL. Null: the home folder's SQLite file.</summary>
    public string? Database { get; init; }

    /// <summary>The home folder (as <c>arcsynth run</c> has it): the SQLite store without <see cref="Database"/>, and the runs' checkpoints.</summary>
    public string Home { get; init; } = HomeFolder.Resolve(null);

    /// <summary>The seed programs runs start from (arc-dsl format).</summary>
    public required string SeedsFile { get; init; }

    /// <summary>
    /// How often this node tells the cluster it is alive. A node silent for this long and Quartz's
    /// 7.5 s of grace is taken as dead, and the jobs it was running are fired again elsewhere.
    /// </summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The repository's <c>dsl/contrib/</c>, loaded with the built-in primitives and the store's accepted ones; null for none.</summary>
    public string? ContribFolder { get; init; }
}
