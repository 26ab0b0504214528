using System.CommandLine;
using ArcSynth.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth worker --db CONNECTION</c>: a Hangfire server on the cluster's database, with no API or dashboard.</summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var node = new NodeOptions();
        var command = new Command("worker",
            "Joins the cluster of a PostgreSQL database (--db or $ARCSYNTH_DB) as a Hangfire server (2 worker\n" +
            "threads, no API) and takes its jobs: the steps of every run (pretraining, the sampling shards of each\n" +
            "iteration, training, recall, compression, the record) and the loop of a run whose node went away.\n" +
            "Shards of one iteration run on many nodes at once; every other step runs on one node. A worker killed\n" +
            "mid-step loses nothing: another node takes that step once its invisibility timeout ran out\n" +
            "(--invisibility-timeout). Nodes share checkpoints through the home folder (one volume for all of them).");
        node.AddTo(command);
        command.SetAction((parse, cancellationToken) => NodeOptions.GuardAsync(error, async () =>
        {
            var options = node.Resolve(parse, urls: "");
            if (options.Database is null) throw new UsageException($"a worker joins the cluster of a PostgreSQL database: give --db or ${ServerOptions.DatabaseVariable}");
            using var host = await ArcSynthServer.CreateWorkerAsync(options, cancellationToken: cancellationToken);
            await host.StartAsync(cancellationToken);
            output.WriteLine($"arcsynth: worker {host.Services.GetRequiredService<NodeIdentity>().Name} joined the cluster");
            await host.WaitForShutdownAsync(cancellationToken);
        }));
        return command;
    }
}
