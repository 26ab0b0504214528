using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// A run's job: runs (or resumes) the CodeIt loop of the run, each of its steps (pretraining, the
/// sampling shards, training, compression, the record) a <see cref="StepJob"/> of its own that any
/// node of the cluster does, one after the other as the loop orders them. The loop records every step in the
/// store as one transaction and skips completed steps when it starts again, so a run whose job was
/// interrupted (a restart, a worker that died, a pause) goes on from its last completed step.
/// Never two at once for one run, cluster-wide; a worker that dies mid-run has the job picked up
/// again by another (requests recovery). Why it was interrupted (pause or cancel) is in the job's data.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RunJob(IRunStore store, ServerOptions options, LiveProgress live, Primitives.PrimitiveCatalog catalog, ClusterSteps cluster,
    IHostApplicationLifetime lifetime, ILogger<RunJob> logger) : IJob
{
    public const string Group = "runs";
    public const string RunIdKey = "runId";
    public const string StopKey = "stop";
    public const string Pause = "pause";
    public const string Cancel = "cancel";

    /// <summary>How long a run waits before trying again when the database is down.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static JobKey KeyOf(long runId) => new($"run-{runId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = long.Parse(context.MergedJobDataMap.GetString(RunIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var key = KeyOf(runId);
        // A stopping node stops its loop first. Quartz cancels a job's token only once its own shutdown is under
        // way, and by then the scheduler already answers "has been shut down" (SchedulerException): a loop that
        // asked it for its next steps in that moment took that for a failure and failed the run.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        live.Executing(key);
        try
        {
            if (await store.GetRunAsync(runId, stop.Token) is not { Status: RunStatus.Running }) return;
            // A pause or cancel that came while this firing was on its way, before it could be interrupted.
            if (await StopReasonAsync(context.Scheduler, key) is { } early)
            {
                await StoppedAsync(context.Scheduler, runId, early);
                return;
            }
            // Each step is a job of its own: any node of the cluster (this one included) does it.
            var loop = new CodeItLoop(store, options.Home, catalog.Registry, live.For(runId), cluster) { Node = context.Scheduler.SchedulerInstanceId };
            await loop.RunAsync(runId, stop.Token);
            await context.Scheduler.DeleteJob(key, CancellationToken.None);
        }
        catch (Exception e) when (stop.IsCancellationRequested)
        {
            // Interrupted: a pause or cancel, or this node stopping. Whatever the interruption threw on its way
            // out of the loop (a cancelled query surfaces wrapped, e.g. as Quartz's JobPersistenceException),
            // the run did not fail. A stopping node writes nothing: the run stays Running, and Quartz's recovery
            // or the resume sweep hands its job to the next node.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogInformation("run {RunId}: handed back by this stopping node ({Type})", runId, e.GetType().Name);
                throw;
            }
            await StoppedAsync(context.Scheduler, runId, await StopReasonAsync(context.Scheduler, key));
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // The run stays Running (the loop writes no status when it stops); while the database is still down
            // the firing below throws, and the resume sweep starts the run later.
            logger.LogWarning("run {RunId}: database unavailable ({Message}); trying again in {Seconds} s", runId, e.Message, RetryAfter.TotalSeconds);
            await FireAsync(context.Scheduler, runId, RetryAfter, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A step failed on every firing, or the run cannot be read: the run failed, unless it was paused or cancelled meanwhile.
            logger.LogError(e, "run {RunId} failed", runId);
            await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Failed, CancellationToken.None);
        }
        finally
        {
            live.Forget(runId);
            live.Done(key);
        }
    }

    private static async Task<string?> StopReasonAsync(IScheduler scheduler, JobKey key) =>
        (await scheduler.GetJobDetail(key, CancellationToken.None))?.JobDataMap.GetString(StopKey);

    /// <summary>Moves the run after its loop stopped for <paramref name="stop"/> (null: no reason recorded, so it goes on).</summary>
    private async Task StoppedAsync(IScheduler scheduler, long runId, string? stop)
    {
        switch (stop)
        {
            case Cancel:
                await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Cancelled, CancellationToken.None);
                await scheduler.DeleteJob(KeyOf(runId), CancellationToken.None);
                break;
            case Pause:
                await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Paused, CancellationToken.None);
                break;
            default:
                await FireAsync(scheduler, runId, TimeSpan.Zero, CancellationToken.None);
                break;
        }
    }

    /// <summary>Makes the run's job fire after <paramref name="delay"/>, creating the job (with no stop reason) if needed.</summary>
    public static async Task FireAsync(IScheduler scheduler, long runId, TimeSpan delay, CancellationToken cancellationToken)
    {
        var key = KeyOf(runId);
        if (!await scheduler.Exists(key, cancellationToken))
            await SaveAsync(scheduler, runId, stop: null, cancellationToken);
        var trigger = TriggerBuilder.Create().ForJob(key).WithIdentity($"run-{runId}-{Guid.NewGuid():N}", Group)
            .StartAt(DateTimeOffset.UtcNow + delay).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>Stores the run's job with why it is to stop (<see cref="Pause"/>, <see cref="Cancel"/>, or null to run).</summary>
    public static async Task SaveAsync(IScheduler scheduler, long runId, string? stop, CancellationToken cancellationToken)
    {
        var builder = JobBuilder.Create<RunJob>().WithIdentity(KeyOf(runId)).UsingJobData(RunIdKey, runId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StoreDurably().RequestRecovery().WithDescription($"the loop of run {runId}");
        if (stop is not null) builder = builder.UsingJobData(StopKey, stop);
        await scheduler.AddJob(builder.Build(), AddJobOptions.Replacing, cancellationToken);
    }
}
