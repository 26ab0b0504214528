using System.CommandLine;
using ArcSynth.Server;
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
            "Joins the cluster of a PostgreSQL database (--db or $ARCSYNTH_DB) and takes its jobs: the steps of\n" +
            "every run (pretraining, the sampling shards of each iteration, training, compression, the record)\n" +
            "and the loop of a run whose node went away. Shards of one iteration run on many nodes at once;\n" +
            "every other step runs on one node. A worker killed mid-step loses nothing: the cluster fires that\n" +
            "step again on another node once this one misses its check-ins. Nodes share checkpoints through\n" +
            "the home folder (one volume for all of them).");
        node.AddTo(command);
        command.SetAction((parse, cancellationToken) => NodeOptions.GuardAsync(error, async () =>
        {
            var options = node.Resolve(parse, urls: "");
            if (options.Database is null) throw new UsageException($"a worker joins the cluster of a PostgreSQL database: give --db or ${ServerOptions.DatabaseVariable}");
            using var host = await ArcSynthServer.CreateWorkerAsync(options, cancellationToken: cancellationToken);
            await host.StartAsync(cancellationToken);
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
            output.WriteLine($"arcsynth: worker {scheduler.SchedulerInstanceId} joined the cluster");
            await host.WaitForShutdownAsync(cancellationToken);
        }));
        return command;
    }
}
