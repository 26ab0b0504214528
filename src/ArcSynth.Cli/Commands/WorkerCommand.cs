using System.CommandLine;
using ArcSynth.Server;
using ArcSynth.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth worker --db CONNECTION</c>: a node of the Quartz cluster, with no API or dashboard.</summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var node = new NodeOptions();
        var command = new Command("worker",
            "Joins the cluster of a PostgreSQL database (--db or $ARCSYNTH_DB) and takes its jobs: the sampling\n" +
            "shards of every run's iterations, and the loop of a run whose node went away. Training, compression\n" +
            "and each iteration's record run on the one node that holds the run's loop. A worker killed mid-shard\n" +
            "loses nothing: the cluster fires that shard again on another node once this one misses its\n" +
            "check-ins. Nodes share checkpoints through the home folder (one volume for all of them).");
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = node.Resolve(parse, urls: "");
                if (options.Database is null) throw new UsageException($"a worker joins the cluster of a PostgreSQL database: give --db or ${ServerOptions.DatabaseVariable}");
                using var host = await ArcSynthServer.CreateWorkerAsync(options, cancellationToken: cancellationToken);
                await host.StartAsync(cancellationToken);
                var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
                output.WriteLine($"arcsynth: worker {scheduler.SchedulerInstanceId} joined the cluster");
                await host.WaitForShutdownAsync(cancellationToken);
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
