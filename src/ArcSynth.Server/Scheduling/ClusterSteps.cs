using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Hands a run's steps to the cluster as <see cref="StepJob"/>s (any node, this one included, takes
/// them) and waits until the store has each one. A step whose job is still enqueued after
/// <see cref="TakeBackAfter"/> is taken back (its job moved from Enqueued to Deleted, which fails once a
/// node took it) and done on the waiting thread, so a node whose threads all wait on runs still gets
/// their work done. A step whose job ended without storing it (it failed, or its run was paused) is fired
/// again, at most <see cref="MaxFirings"/> times; one whose node died is taken by another node once its
/// invisibility timeout ran out. A step whose earlier job is still pending (a run resumed on another node) is adopted.
/// </summary>
internal sealed class ClusterSteps(IRunStore store, IBackgroundJobClient client, RunJobs jobs, ILogger<ClusterSteps> logger) : IStepDispatcher
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
            // A cancellation that lands mid-query can surface wrapped (as the driver's or the job storage's own
            // exception): that is this run's job being stopped (a pause, or its node stopping), not a step that failed.
            throw new OperationCanceledException($"run {runId}: stopped while handing out {phase} of iteration {iteration}", e, cancellationToken);
        }
    }

    private async Task HandOutAsync(long runId, int iteration, string phase, IReadOnlyList<int> shards, Func<int, CancellationToken, Task> runHere, CancellationToken cancellationToken)
    {
        var firings = shards.ToDictionary(s => s, _ => 1);
        var firedAt = shards.ToDictionary(s => s, _ => DateTime.UtcNow);
        var jobIds = shards.ToDictionary(s => s, s => AdoptOrFire(runId, iteration, phase, s));
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
                    var state = jobs.StateOf(jobIds[shard]);
                    if (state == EnqueuedState.StateName)
                    {
                        // The move succeeds only while no node has taken the job: then it is this thread's to do.
                        if (DateTime.UtcNow - firedAt[shard] > TakeBackAfter && client.ChangeState(jobIds[shard], new DeletedState(), EnqueuedState.StateName))
                        {
                            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: no node took it; doing it here", runId, iteration, phase, shard);
                            await RunHereAsync(runId, iteration, phase, shard, runHere, cancellationToken);
                        }
                        continue;
                    }
                    if (RunJobs.IsPending(state)) continue;
                    // Its job ended: stored since the look above, or ended without storing it.
                    if ((await StoredAsync(runId, iteration, phase, cancellationToken)).Contains(shard)) continue;
                    if (firings[shard]++ == MaxFirings)
                        throw new InvalidOperationException($"run {runId}: {phase} {shard} of iteration {iteration} failed {MaxFirings} times (the nodes' logs say why)");
                    logger.LogWarning("run {RunId} iteration {Iteration} {Phase} {Shard} ended without being stored; firing it again", runId, iteration, phase, shard);
                    firedAt[shard] = DateTime.UtcNow;
                    jobIds[shard] = StepJob.Fire(client, jobs, runId, iteration, phase, shard);
                }
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("run {RunId}: database unavailable while waiting for its steps ({Message}); still waiting", runId, e.Message);
            }
        }
    }

    /// <summary>The step's earlier job while it is still pending (enqueued, or executing on a node, or on a dead one until another takes it), else a new one.</summary>
    private string AdoptOrFire(long runId, int iteration, string phase, int shard) =>
        jobs.StepJob(runId, iteration, phase, shard) is { } earlier && RunJobs.IsPending(jobs.StateOf(earlier))
            ? earlier
            : StepJob.Fire(client, jobs, runId, iteration, phase, shard);

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
}
