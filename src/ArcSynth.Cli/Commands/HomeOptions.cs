using System.CommandLine;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Cli.Commands;

/// <summary>The options naming where a run's state lives (<c>--home</c>) and which run (<c>--run</c>), shared by run, report and submit.</summary>
internal sealed class HomeOptions
{
    public readonly Option<string?> Home = new("--home")
    {
        Description = $"The home folder: the SQLite store arcsynth.db and runs/ID/checkpoints/ (default ${HomeFolder.Variable}, else ~/.arcsynth).",
    };

    public readonly Option<long?> Run = new("--run") { Description = "The run (default: the newest)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Home);
        command.Options.Add(Run);
    }

    public string ResolveHome(ParseResult parse) => HomeFolder.Resolve(parse.GetValue(Home));

    public static Task<SqlRunStore> OpenStoreAsync(string home, CancellationToken cancellation) =>
        SqlRunStore.OpenAsync(new SqliteDialect(HomeFolder.Database(home)), cancellation);

    /// <summary>The run named by --run, else the newest; a usage error when there is none.</summary>
    public async Task<RunRecord> PickRunAsync(IRunStore store, ParseResult parse, string home, CancellationToken cancellation)
    {
        if (parse.GetValue(Run) is { } id)
            return await store.GetRunAsync(id, cancellation) ?? throw new UsageException($"no run {id} in {HomeFolder.Database(home)}");
        return (await store.ListRunsAsync(cancellation)).FirstOrDefault()
            ?? throw new UsageException($"no runs yet in {HomeFolder.Database(home)}; start one with 'arcsynth run'");
    }
}
