using ArcSynth.Dsl.Registry;
using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Store;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>Starts, pauses, resumes and cancels runs, and keeps cron schedules: the store says where a run stands, Quartz fires its steps.</summary>
public sealed class RunControl(IRunStore store, ISchedulerFactory schedulers)
{
    /// <summary>Creates a run and fires its first step now.</summary>
    public async Task<long> StartAsync(RunConfig config, CancellationToken cancellationToken)
    {
        var runId = await store.CreateRunAsync(config.Name, config.ToJson(), $"builtin-{PrimitiveRegistry.BuiltIn.Version}", cancellationToken);
        await RunJob.FireAsync(await schedulers.GetScheduler(cancellationToken), runId, TimeSpan.Zero, cancellationToken);
        return runId;
    }

    /// <summary>Stops a running run after its current step; false when it is not running.</summary>
    public Task<bool> PauseAsync(long runId, CancellationToken cancellationToken) =>
        MoveAsync(runId, RunStatus.Running, RunStatus.Paused, cancellationToken);

    /// <summary>Lets a paused run go on from its next step; false when it is not paused.</summary>
    public async Task<bool> ResumeAsync(long runId, CancellationToken cancellationToken)
    {
        if (!await MoveAsync(runId, RunStatus.Paused, RunStatus.Running, cancellationToken)) return false;
        await RunJob.FireAsync(await schedulers.GetScheduler(cancellationToken), runId, TimeSpan.Zero, cancellationToken);
        return true;
    }

    /// <summary>Ends a running or paused run for good, interrupting its step here; false when it had already ended.</summary>
    public async Task<bool> CancelAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        if (run is not { Status: RunStatus.Running or RunStatus.Paused }) return false;
        await store.SetRunStatusAsync(runId, RunStatus.Cancelled, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.Interrupt(RunJob.KeyOf(runId), cancellationToken);
        await scheduler.DeleteJob(RunJob.KeyOf(runId), cancellationToken);
        return true;
    }

    /// <summary>Fires the next step of every run that is running but has nothing scheduled (after a restart, or with the in-memory job store).</summary>
    public async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var run in await store.ListRunsAsync(cancellationToken))
            if (run.Status == RunStatus.Running && (await scheduler.QueryTriggers(new TriggerQuery { Job = RunJob.KeyOf(run.Id) }, cancellationToken)).Items.Count == 0)
                await RunJob.FireAsync(scheduler, run.Id, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Adds a cron schedule that starts a run with <paramref name="request"/>'s configuration at each firing; returns its name.</summary>
    public async Task<string> ScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        var name = $"schedule-{Guid.NewGuid():N}"[..21];
        var job = JobBuilder.Create<ScheduledRunJob>().WithIdentity(name, ScheduledRunJob.Group)
            .UsingJobData(ScheduledRunJob.ConfigKey, request.Run.ToJson()).WithDescription($"starts run '{request.Run.Name}' at '{request.Cron}'").Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, ScheduledRunJob.Group).WithCronSchedule(request.Cron).Build();
        await (await schedulers.GetScheduler(cancellationToken)).ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        return name;
    }

    /// <summary>Removes a cron schedule; false when there is none of that name.</summary>
    public async Task<bool> UnscheduleAsync(string name, CancellationToken cancellationToken) =>
        await (await schedulers.GetScheduler(cancellationToken)).DeleteJob(new JobKey(name, ScheduledRunJob.Group), cancellationToken);

    private async Task<bool> MoveAsync(long runId, RunStatus from, RunStatus to, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        if (run?.Status != from) return false;
        await store.SetRunStatusAsync(runId, to, cancellationToken);
        return true;
    }
}
