using System.CommandLine;
using ArcSynth.Server;
using ArcSynth.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth serve --urls URL [--db CONNECTION]</c>: the API, the dashboard and the scheduler.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';').", Required = true };
        var db = new DatabaseOption("An Npgsql connection string: all state (accepted primitives included), and Quartz's clustered job store, " +
                                    "in PostgreSQL; without it, the embedded SQLite file and an in-memory scheduler");
        var home = new HomeOptions();
        var seeds = new Option<FileInfo>("--seeds") { Description = "Seed programs runs start from.", DefaultValueFactory = _ => new FileInfo("seeds/training.py") };
        var command = new Command("serve",
            "The service: REST API under /api (OpenAPI at /openapi/v1.json), the dashboard at /, and Quartz\n" +
            "running CodeIt loops (start now, on a cron schedule, pause, resume, cancel). Checkpoints live in the\n" +
            "home folder; state in its SQLite file, or with --db in PostgreSQL. Schema migrations run at start;\n" +
            "a database newer than this ArcSynth is refused.")
        {
            urls, db.Db, home.Home, seeds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var seedsFile = parse.GetValue(seeds)!;
                if (!seedsFile.Exists) throw new UsageException($"seeds file '{seedsFile.FullName}' does not exist");
                var homeFolder = home.ResolveHome(parse);
                var options = new ServerOptions
                {
                    Urls = parse.GetValue(urls)!,
                    Database = db.Resolve(parse),
                    Home = homeFolder,
                    SeedsFile = seedsFile.FullName,
                    ContribFolder = Registries.ContribFolder,
                };
                await using var app = await ArcSynthServer.CreateAsync(options, cancellationToken: cancellationToken);
                await app.StartAsync(cancellationToken);
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                output.WriteLine($"arcsynth: serving on {string.Join(", ", addresses)}; dashboard at /, API under /api");
                await app.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (Exception e) when (e is UsageException or StoreException or StoreUnavailableException or IOException)
            {
                error.WriteLine($"arcsynth: {e.Message}");
                return CommandLine.UsageError;
            }
        });
        return command;
    }
}
