using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Hands a run's steps to the cluster as <see cref="StepJob"/>s (any node, this one included, takes
/// them) and waits until the store has each one. A step that no node has taken within
/// <see cref="TakeBackAfter"/> is taken back and done on the waiting thread, so a node whose threads all
/// wait on runs still gets their work done. A step whose job ended without storing it (it failed, or
/// its run was paused) is fired again, at most <see cref="MaxFirings"/> times; one whose node died is
/// fired again by Quartz's recovery.
/// </summary>
internal sealed class ClusterSteps(IRunStore store, ISchedulerFactory schedulers, ILogger<ClusterSteps> logger) : IStepDispatcher
{
    public const int MaxFirings = 3;

    public static readonly TimeSpan TakeBackAfter = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(long runId, int iteration, string phase, IReadOnlyList<int> shards, Func<int, CancellationToken, Task> runHere, CancellationToken cancellationToken)
    {
        try
        {
            await HandOutAsync(runId, iteration, phase, shards, runHere, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Quartz's job store wraps a cancellation that lands mid-query ("JobPersistenceException: Couldn't
            // commit ADO.NET transaction. The operation was canceled."): that is this run's job being
            // interrupted (a pause, or its node stopping), not a step that failed.
            throw new OperationCanceledException($"run {runId}: stopped while handing out {phase} of iteration {iteration}", e, cancellationToken);
        }
    }

    private async Task HandOutAsync(long runId, int iteration, string phase, IReadOnlyList<int> shards, Func<int, CancellationToken, Task> runHere, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var firings = shards.ToDictionary(s => s, _ => 1);
        var firedAt = shards.ToDictionary(s => s, _ => DateTime.UtcNow);
        foreach (var shard in shards) await StepJob.FireAsync(scheduler, runId, iteration, phase, shard, cancellationToken);
        var waiting = shards.ToHashSet();
        while (true)
        {
            await Task.Delay(Poll, cancellationToken);
            try
            {
                waiting.ExceptWith(await StoredAsync(runId, iteration, phase, cancellationToken));
                if (waiting.Count == 0) return;
                foreach (var shard in waiting.ToList())
                {
                    var key = StepJob.KeyOf(runId, iteration, phase, shard);
                    if (await scheduler.Exists(key, cancellationToken))
                    {
                        // Unscheduling succeeds only while no node has fired it: then it is this thread's to do.
                        if (DateTime.UtcNow - firedAt[shard] > TakeBackAfter && !await FiringAsync(scheduler, key, cancellationToken)
                            && await scheduler.UnscheduleJob(StepJob.TriggerOf(runId, iteration, phase, shard), cancellationToken))
                        {
                            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: no node took it; doing it here", runId, iteration, phase, shard);
                            await RunHereAsync(runId, iteration, phase, shard, runHere, cancellationToken);
                        }
                        continue;
                    }
                    // Its job is gone: stored since the look above, or ended without storing it.
                    if ((await StoredAsync(runId, iteration, phase, cancellationToken)).Contains(shard)) continue;
                    if (firings[shard]++ == MaxFirings)
                        throw new InvalidOperationException($"run {runId}: {phase} {shard} of iteration {iteration} failed {MaxFirings} times (the nodes' logs say why)");
                    logger.LogWarning("run {RunId} iteration {Iteration} {Phase} {Shard} ended without being stored; firing it again", runId, iteration, phase, shard);
                    firedAt[shard] = DateTime.UtcNow;
                    await StepJob.FireAsync(scheduler, runId, iteration, phase, shard, cancellationToken);
                }
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("run {RunId}: database unavailable while waiting for its steps ({Message}); still waiting", runId, e.Message);
            }
        }
    }

    /// <summary>
    /// Does a step on the waiting thread. One that fails here counts as a firing that ended without
    /// storing it, as on any other node: it is fired again, and fails the run only on every firing.
    /// </summary>
    private async Task RunHereAsync(long runId, int iteration, string phase, int shard, Func<int, CancellationToken, Task> runHere, CancellationToken cancellationToken)
    {
        try
        {
            await runHere(shard, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && !DatabaseFailures.IsUnavailable(e))
        {
            logger.LogWarning(e, "run {RunId} iteration {Iteration} {Phase} {Shard} failed here", runId, iteration, phase, shard);
        }
    }

    private async Task<HashSet<int>> StoredAsync(long runId, int iteration, string phase, CancellationToken cancellationToken) =>
        (await store.StepsAsync(runId, cancellationToken)).Where(s => s.Iteration == iteration && s.Phase == phase).Select(s => s.Shard).ToHashSet();

    private static async Task<bool> FiringAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken) =>
        (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = key, State = null }, cancellationToken)).Items.Count > 0;
}
