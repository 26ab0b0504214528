using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Server;

/// <summary>How <c>arcsynth serve</c> and <c>arcsynth worker</c> run: where they listen, where their state lives, where seeds come from.</summary>
public sealed record ServerOptions
{
    /// <summary>The environment variable that gives <see cref="Database"/> when the command line does not.</summary>
    public const string DatabaseVariable = "ARCSYNTH_DB";

    /// <summary>The environment variable that gives <see cref="HangfireCredential"/> when the command line does not.</summary>
    public const string HangfireCredentialVariable = "ARCSYNTH_HANGFIRE_CREDENTIAL";

    /// <summary>Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c> (port 0: any free port); a worker listens nowhere.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>An Npgsql connection string: all state in PostgreSQL, Hangfire's jobs in its schema <c>hangfire</c>. Null: the home folder's SQLite file, and Hangfire in memory.</summary>
    public string? Database { get; init; }

    /// <summary>The home folder (as <c>arcsynth run</c> has it): the SQLite store without <see cref="Database"/>, and the runs' checkpoints.</summary>
    public string Home { get; init; } = HomeFolder.Resolve(null);

    /// <summary>The seed programs runs start from (arc-dsl format).</summary>
    public required string SeedsFile { get; init; }

    /// <summary>
    /// How long a job taken by a node stays invisible to the others without that node renewing it
    /// (Hangfire.PostgreSql's sliding invisibility timeout; it renews every fifth of this). A node killed
    /// mid-job stops renewing, and its job (a step, or a run's loop) is taken by another node this long
    /// after. Whole seconds; the same on every node of a cluster.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>user:password</c> that lets requests from other machines into the Hangfire Dashboard (HTTP Basic); null: local requests only.</summary>
    public string? HangfireCredential { get; init; }

    /// <summary>The repository's <c>dsl/contrib/</c>, loaded with the built-in primitives and the store's accepted ones; null for none.</summary>
    public string? ContribFolder { get; init; }
}
