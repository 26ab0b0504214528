using System.CommandLine;
using ArcSynth.Server;
using ArcSynth.Storage;

namespace ArcSynth.Cli.Commands;

/// <summary>The options every node of the service takes (serve and worker): its database, home folder, seeds and the jobs' invisibility timeout; the registry comes from the store.</summary>
internal sealed class NodeOptions
{
    private readonly HomeOptions _home = new();

    private readonly DatabaseOption _db = new("An Npgsql connection string: all state (accepted primitives included) in PostgreSQL, and Hangfire's jobs in its schema 'hangfire'");

    private readonly Option<FileInfo> _seeds = new("--seeds") { Description = "Seed programs runs start from.", DefaultValueFactory = _ => new FileInfo("seeds/training.py") };

    private readonly Option<int> _invisibility = new("--invisibility-timeout")
    {
        Description = "Seconds a job taken by a node stays invisible to the others unless that node renews it (every fifth of this); " +
                      "the job of a node killed mid-job goes to another this long after. The same on every node.",
        DefaultValueFactory = _ => 60,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_db.Db);
        command.Options.Add(_home.Home);
        command.Options.Add(_seeds);
        command.Options.Add(_invisibility);
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

    /// <summary>The node's settings; usage errors name a seeds file that is missing and an invisibility timeout that is not positive.</summary>
    public ServerOptions Resolve(ParseResult parse, string urls)
    {
        var seedsFile = parse.GetValue(_seeds)!;
        if (!seedsFile.Exists) throw new UsageException($"seeds file '{seedsFile.FullName}' does not exist");
        var invisibility = parse.GetValue(_invisibility);
        if (invisibility <= 0) throw new UsageException($"--invisibility-timeout must be a positive whole number of seconds, not {invisibility}");
        return new ServerOptions
        {
            Urls = urls,
            Database = _db.Resolve(parse),
            Home = _home.ResolveHome(parse),
            SeedsFile = seedsFile.FullName,
            ContribFolder = Registries.ContribFolder,
            InvisibilityTimeout = TimeSpan.FromSeconds(invisibility),
        };
    }
}
