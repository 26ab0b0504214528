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
        live.Executing(key);
        try
        {
            if (await store.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Running }) return;
            // A pause or cancel that came while this firing was on its way, before it could be interrupted.
            if (await StopReasonAsync(context.Scheduler, key) is { } early)
            {
                await StoppedAsync(context.Scheduler, runId, early);
                return;
            }
            // Each step is a job of its own: any node of the cluster (this one included) does it.
            var loop = new CodeItLoop(store, options.Home, catalog.Registry, live.For(runId), cluster) { Node = context.Scheduler.SchedulerInstanceId };
            await loop.RunAsync(runId, cancellationToken);
            await context.Scheduler.DeleteJob(key, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The loop stopped after its last completed step and marked the run Paused; say why it stopped.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Shutting down: the run is still going, and Quartz hands the job back to the cluster when it ends this way.
                await store.SetRunStatusAsync(runId, RunStatus.Running, CancellationToken.None);
                throw;
            }
            await StoppedAsync(context.Scheduler, runId, await StopReasonAsync(context.Scheduler, key));
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            logger.LogWarning("run {RunId}: database unavailable ({Message}); trying again in {Seconds} s", runId, e.Message, RetryAfter.TotalSeconds);
            // The loop marks its run Failed when it stops on an error, and a database back already took that write:
            // the run did not fail. While it is still down, this throws and the resume sweep starts the run later.
            await store.SetRunStatusAsync(runId, RunStatus.Running, CancellationToken.None);
            await FireAsync(context.Scheduler, runId, RetryAfter, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The loop has marked the run Failed; the reason is in the log.
            logger.LogError(e, "run {RunId} failed", runId);
        }
        finally
        {
            live.Forget(runId);
            live.Done(key);
        }
    }

    private static async Task<string?> StopReasonAsync(IScheduler scheduler, JobKey key) =>
        (await scheduler.GetJobDetail(key, CancellationToken.None))?.JobDataMap.GetString(StopKey);

    /// <summary>The run's status after its loop stopped for <paramref name="stop"/> (null: no reason recorded, so it goes on).</summary>
    private async Task StoppedAsync(IScheduler scheduler, long runId, string? stop)
    {
        switch (stop)
        {
            case Cancel:
                await store.SetRunStatusAsync(runId, RunStatus.Cancelled, CancellationToken.None);
                await scheduler.DeleteJob(KeyOf(runId), CancellationToken.None);
                break;
            case Pause:
                await store.SetRunStatusAsync(runId, RunStatus.Paused, CancellationToken.None);
                break;
            default:
                await store.SetRunStatusAsync(runId, RunStatus.Running, CancellationToken.None);
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
