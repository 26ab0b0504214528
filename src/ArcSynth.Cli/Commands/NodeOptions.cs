using System.CommandLine;
using ArcSynth.Server;
using ArcSynth.Storage;

namespace ArcSynth.Cli.Commands;

/// <summary>The options every node of the service takes (serve and worker): its database, home folder, seeds and cluster check-in; the registry comes from the store.</summary>
internal sealed class NodeOptions
{
    private readonly HomeOptions _home = new();

    private readonly DatabaseOption _db = new("An Npgsql connection string: all state (accepted primitives included), and Quartz's clustered job store, in PostgreSQL");

    private readonly Option<FileInfo> _seeds = new("--seeds") { Description = "Seed programs runs start from.", DefaultValueFactory = _ => new FileInfo("seeds/training.py") };

    private readonly Option<double> _checkin = new("--checkin-interval")
    {
        Description = "Seconds between this node's check-ins with the cluster; a node silent for this long and 7.5 s more is taken as dead and its jobs go to another.",
        DefaultValueFactory = _ => 10,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_db.Db);
        command.Options.Add(_home.Home);
        command.Options.Add(_seeds);
        command.Options.Add(_checkin);
    }

    /// <summary>Runs a node until it shuts down; an unusable option, seeds file or database is exit code 2 with the reason.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task> node)
    {
        try
        {
            await node();
            return 0;
        }
        catch (Exception e) when (e is UsageException or StoreException or StoreUnavailableException or IOException)
        {
            error.WriteLine($"arcsynth: {e.Message}");
            return Invocation.UsageError;
        }
    }

    /// <summary>The node's settings; usage errors name a seeds file that is missing and a check-in that is not positive.</summary>
    public ServerOptions Resolve(ParseResult parse, string urls)
    {
        var seedsFile = parse.GetValue(_seeds)!;
        if (!seedsFile.Exists) throw new UsageException($"seeds file '{seedsFile.FullName}' does not exist");
        var checkin = parse.GetValue(_checkin);
        if (!(checkin > 0)) throw new UsageException($"--checkin-interval must be a positive number of seconds, not {checkin}");
        return new ServerOptions
        {
            Urls = urls,
            Database = _db.Resolve(parse),
            Home = _home.ResolveHome(parse),
            SeedsFile = seedsFile.FullName,
            ContribFolder = Registries.ContribFolder,
            CheckinInterval = TimeSpan.FromSeconds(checkin),
        };
    }
}
