using ArcSynth.Server.Runs;
using ArcSynth.Storage;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// A run's job: each firing runs the run's next step and, if steps are left, fires itself again.
/// Never two steps of one run at once, cluster-wide; a worker that dies mid-step has its step
/// picked up again by another (requests recovery). A paused or cancelled run's firing does nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RunJob(IRunStore store, BaselineLoop loop, ILogger<RunJob> logger) : IJob
{
    public const string Group = "runs";
    public const string RunIdKey = "runId";

    /// <summary>How long a step waits before trying again when the database is down.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static JobKey KeyOf(long runId) => new($"run-{runId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = long.Parse(context.MergedJobDataMap.GetString(RunIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var run = await store.GetRunAsync(runId, cancellationToken);
            if (run is not { Status: RunStatus.Running }) return;
            var config = RunConfig.FromJson(run.ConfigJson);
            var progress = loop.Progress(config, await store.StepsAsync(runId, cancellationToken));
            if (progress.Next is { } step)
            {
                await loop.ExecuteAsync(run, config, step, cancellationToken);
                progress = loop.Progress(config, await store.StepsAsync(runId, cancellationToken));
            }
            if (progress.Next is null)
            {
                await store.SetRunStatusAsync(runId, RunStatus.Completed, cancellationToken);
                await context.Scheduler.DeleteJob(KeyOf(runId), cancellationToken);
                return;
            }
            await FireAsync(context.Scheduler, runId, TimeSpan.Zero, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled or shutting down: the step was not recorded and runs again on resume.
        }
        catch (Exception e) when (e is StoreUnavailableException or System.Data.Common.DbException { IsTransient: true })
        {
            logger.LogWarning("run {RunId}: database unavailable ({Message}); trying again in {Seconds} s", runId, e.Message, RetryAfter.TotalSeconds);
            await FireAsync(context.Scheduler, runId, RetryAfter, CancellationToken.None);
        }
        catch (Exception e) when (e is RunConfigException or IOException or System.Text.Json.JsonException)
        {
            logger.LogError("run {RunId} failed: {Message}", runId, e.Message);
            await store.SetRunStatusAsync(runId, RunStatus.Failed, CancellationToken.None);
        }
    }

    /// <summary>Makes the run's job fire after <paramref name="delay"/>, creating the job if needed.</summary>
    public static async Task FireAsync(IScheduler scheduler, long runId, TimeSpan delay, CancellationToken cancellationToken)
    {
        var key = KeyOf(runId);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            var job = JobBuilder.Create<RunJob>().WithIdentity(key).UsingJobData(RunIdKey, runId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .StoreDurably().RequestRecovery().WithDescription($"steps of run {runId}").Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }
        var trigger = TriggerBuilder.Create().ForJob(key).WithIdentity($"run-{runId}-{Guid.NewGuid():N}", Group)
            .StartAt(DateTimeOffset.UtcNow + delay).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
