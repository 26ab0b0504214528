using System.ComponentModel;
using ArcSynth.Server.Primitives;
using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// One step of a run (pretraining, a sampling shard, training, recall, compression or the record of an
/// iteration), done by whichever node of the cluster takes its job first (<see cref="CodeItLoop.RunStepAsync"/>).
/// The step of a node that died mid-way is taken by another once its invisibility timeout ran out (Hangfire.PostgreSql);
/// the store keeps only the first completion of a step, so nothing is counted twice. The run's job waits
/// for it (<see cref="ClusterSteps"/>) and fires it again when it ended without being stored, so Hangfire's retries are off.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class StepJob(IRunStore store, ServerOptions options, PrimitiveCatalog catalog, RegistryRefresh refresh, LiveProgress live,
    NodeIdentity node, IHostApplicationLifetime lifetime, ILogger<StepJob> logger)
{
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(1);

    [DisplayName("run {0}: {2} {3} of iteration {1}")]
    public async Task ExecuteAsync(long runId, int iteration, string phase, int shard, CancellationToken cancellationToken)
    {
        // Stopped as soon as the node begins to stop, before Hangfire shuts down under it (NodeStopping).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var watch = StopWhenNotRunningAsync(runId, stop);
        try
        {
            await refresh.BeforeJobAsync(stop.Token);
            // A paused or cancelled run's steps wait for its next start, which hands them out again.
            if (await store.GetRunAsync(runId, stop.Token) is not { Status: RunStatus.Running }) return;
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: started on {Node}", runId, iteration, phase, shard, node.Name);
            var loop = new CodeItLoop(store, options.Home, catalog.Registry, live.For(runId)) { Node = node.Name };
            var stored = await loop.RunStepAsync(runId, iteration, phase, shard, stop.Token);
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: {Outcome} by {Node}", runId, iteration, phase, shard,
                stored ? "stored" : "not stored (done already, or its run stopped)", node.Name);
        }
        catch (Exception e) when (stop.IsCancellationRequested && (cancellationToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested))
        {
            // This node stopping: the step goes back to the queue, for the next node.
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: handed back by {Node}, which is stopping", runId, iteration, phase, shard, node.Name);
            throw await NodeStopping.HandBackAsync(e, cancellationToken);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The run was paused or cancelled: the run's job hands the step out again when it goes on.
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: stopped on {Node}", runId, iteration, phase, shard, node.Name);
        }
        catch (Exception e)
        {
            // The run's job sees the step missing and fires it again, up to its limit.
            logger.LogWarning(e, "run {RunId} iteration {Iteration} {Phase} {Shard} failed on {Node}", runId, iteration, phase, shard, node.Name);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    /// <summary>Enqueues the step for any node and records its job as the step's; returns the job's id.</summary>
    public static string Fire(IBackgroundJobClient client, RunJobs jobs, long runId, int iteration, string phase, int shard)
    {
        var jobId = client.Create<StepJob>(j => j.ExecuteAsync(runId, iteration, phase, shard, CancellationToken.None), new EnqueuedState());
        jobs.SetStepJob(runId, iteration, phase, shard, jobId);
        return jobId;
    }

    /// <summary>Stops the step (cancels <paramref name="stop"/>) once its run is no longer running: paused or cancelled from any node.</summary>
    private async Task StopWhenNotRunningAsync(long runId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Look, stop.Token);
                if (await store.GetRunAsync(runId, stop.Token) is not { Status: RunStatus.Running }) await stop.CancelAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                // The database will tell once it is back; the step's own writes fail meanwhile anyway.
            }
        }
    }
}
