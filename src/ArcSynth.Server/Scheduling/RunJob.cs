using System.ComponentModel;
using System.Diagnostics;
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
/// A run's job: runs (or resumes) the CodeIt loop of the run, each of its steps (pretraining, the
/// sampling shards, training, recall, compression, the record) a <see cref="StepJob"/> of its own that any
/// node of the cluster does, one after the other as the loop orders them. The loop records every step in the
/// store as one transaction and skips completed steps when it starts again, so a run whose job was
/// interrupted (a restart, a node that died, a pause) goes on from its last completed step. Never two
/// loops at once for one run, cluster-wide (<see cref="ILoopLocks"/>). A pause or cancel is recorded in
/// <see cref="RunJobs"/>; the loop looks every second and stops after its current step.
/// Hangfire's retries are off: the job tries again itself after a database outage, and nothing runs twice by accident.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class RunJob(IRunStore store, ServerOptions options, LiveProgress live, PrimitiveCatalog catalog, RegistryRefresh refresh,
    ClusterSteps cluster, ILoopLocks locks, RunJobs jobs, NodeIdentity node, IHostApplicationLifetime lifetime, ILogger<RunJob> logger)
{
    /// <summary>How long a run waits before trying again when the database is down.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long a job waits for a loop lock that another holds (one that is about to let it go: a node handing the run back); after that the holder owns the run.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Look = TimeSpan.FromSeconds(1);

    [DisplayName("run {0}: its loop")]
    public async Task ExecuteAsync(long runId, CancellationToken cancellationToken)
    {
        // This node stopping (NodeStopping): the application says so first; Hangfire cancels the job's token once its own shutdown is under way.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            // Tried again in this job, not in a new one: while the database is down no job can be created, and
            // Hangfire.PostgreSql's scheduling locks that a restart left behind hold delayed and recurring jobs back for a while.
            while (!await TryLoopAsync(runId, stopping.Token))
                await Task.Delay(RetryAfter, stopping.Token);
        }
        catch (Exception e) when (stopping.IsCancellationRequested)
        {
            // Whatever the interruption threw on its way out of the loop, the run did not fail. A stopping node writes
            // nothing to the run (it stays Running) and hands its job back to the queue for the next node.
            logger.LogInformation("run {RunId}: handed back by this stopping node ({Type})", runId, e.GetType().Name);
            throw await NodeStopping.HandBackAsync(e, cancellationToken);
        }
        catch (Exception e)
        {
            // A step failed on every firing, or the run cannot be read: the run failed, unless it was paused or cancelled meanwhile.
            logger.LogError(e, "run {RunId} failed", runId);
            if (await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Failed, CancellationToken.None)) jobs.Forget(runId);
        }
        finally
        {
            live.Forget(runId);
        }
    }

    /// <summary>Enqueues the run's job (on any node) and records it as the run's loop job.</summary>
    public static string Fire(IBackgroundJobClient client, RunJobs jobs, long runId)
    {
        var jobId = client.Create<RunJob>(j => j.ExecuteAsync(runId, CancellationToken.None), new EnqueuedState());
        jobs.SetLoopJob(runId, jobId);
        return jobId;
    }

    /// <summary>
    /// Takes the run's loop lock and runs the loop; false when it is to be tried again: the database was unavailable,
    /// or the lock went with its session (a database restart) and no pause or cancel says why. The run stays Running meanwhile.
    /// </summary>
    private async Task<bool> TryLoopAsync(long runId, CancellationToken stopping)
    {
        try
        {
            await refresh.BeforeJobAsync(stopping);
            await using var held = await TakeLockAsync(runId, stopping);
            return held is null || await LoopAsync(runId, held, stopping);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !stopping.IsCancellationRequested)
        {
            logger.LogWarning("run {RunId}: database unavailable ({Message}); trying again in {Seconds} s", runId, e.Message, RetryAfter.TotalSeconds);
            return false;
        }
    }

    /// <summary>Runs the loop under <paramref name="held"/>; false when the lock was lost with no stop recorded.</summary>
    private async Task<bool> LoopAsync(long runId, LoopLock held, CancellationToken stopping)
    {
        if (await store.GetRunAsync(runId, stopping) is not { Status: RunStatus.Running }) return true;
        // A pause or cancel that came before this job took the lock.
        if (jobs.StopReason(runId) is { } early) return await StoppedAsync(runId, early);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, held.Lost);
        var watch = WatchForStopAsync(runId, stop);
        try
        {
            // Each step is a job of its own: any node of the cluster (this one included) does it.
            var loop = new CodeItLoop(store, options.Home, catalog.Registry, live.For(runId), cluster) { Node = node.Name };
            await loop.RunAsync(runId, stop.Token);
            jobs.Forget(runId);
            return true;
        }
        catch (Exception e) when (stop.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            // Paused or cancelled, or the lock went with its database session: whatever the interruption threw on its way out, the run did not fail.
            logger.LogInformation("run {RunId}: loop stopped ({Type})", runId, e.GetType().Name);
            return await StoppedAsync(runId, jobs.StopReason(runId));
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    /// <summary>Moves the run after its loop stopped for <paramref name="reason"/>; false for none (the lock was lost): the loop is to go on.</summary>
    private async Task<bool> StoppedAsync(long runId, string? reason)
    {
        switch (reason)
        {
            case RunJobs.Cancel:
                if (await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Cancelled, CancellationToken.None)) jobs.Forget(runId);
                return true;
            case RunJobs.Pause:
                await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Paused, CancellationToken.None);
                return true;
            default:
                logger.LogWarning("run {RunId}: lost its loop lock; trying again in {Seconds} s", runId, RetryAfter.TotalSeconds);
                return false;
        }
    }

    /// <summary>Takes the run's loop lock, waiting a little while another job holds it; null when the run is not to go on here.</summary>
    private async Task<LoopLock?> TakeLockAsync(long runId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await locks.TryTakeAsync(runId, cancellationToken) is { } held) return held;
            if (waited.Elapsed > LockWait || await store.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Running })
            {
                logger.LogInformation("run {RunId}: its loop runs in another job; this one ends", runId);
                return null;
            }
            await Task.Delay(Look, cancellationToken);
        }
    }

    /// <summary>Stops the loop (cancels <paramref name="stop"/>) once a pause or cancel is recorded for its run, from any node.</summary>
    private async Task WatchForStopAsync(long runId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Look, stop.Token);
                if (jobs.StopReason(runId) is not null) await stop.CancelAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                // The database will tell once it is back; the loop's own writes fail meanwhile anyway.
            }
        }
    }

}
