using System.Text.Json;
using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Store;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>Starts, pauses, resumes and cancels runs, and keeps cron schedules: the store says where a run stands, Quartz runs its loop.</summary>
public sealed class RunControl(IRunStore store, ISchedulerFactory schedulers, ServerOptions options, LiveProgress live, Primitives.PrimitiveCatalog catalog)
{
    /// <summary>Creates a run and starts its loop now; returns its id.</summary>
    public async Task<long> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var settings = request.ToSettings(options);
        // The run records the registry of every primitive accepted so far, on any node.
        await catalog.RefreshAsync(cancellationToken);
        var runId = await store.CreateRunAsync(request.Name, settings.ToJson(), catalog.Version, cancellationToken);
        await RunJob.FireAsync(await schedulers.GetScheduler(cancellationToken), runId, TimeSpan.Zero, cancellationToken);
        return runId;
    }

    /// <summary>Stops a running run after its current step (it shows Paused once stopped); false when it is not running.</summary>
    public Task<bool> PauseAsync(long runId, CancellationToken cancellationToken) =>
        StopAsync(runId, RunJob.Pause, RunStatus.Paused, [RunStatus.Running], cancellationToken);

    /// <summary>Ends a running or paused run for good (it shows Cancelled once stopped); false when it had already ended.</summary>
    public Task<bool> CancelAsync(long runId, CancellationToken cancellationToken) =>
        StopAsync(runId, RunJob.Cancel, RunStatus.Cancelled, [RunStatus.Running, RunStatus.Paused], cancellationToken);

    /// <summary>Lets a paused run go on from its next step; false when it is not paused.</summary>
    public async Task<bool> ResumeAsync(long runId, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Paused }) return false;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await RunJob.SaveAsync(scheduler, runId, stop: null, cancellationToken);
        // Cancelled meanwhile from another node: it stays so.
        if (!await store.TransitionRunAsync(runId, RunStatus.Paused, RunStatus.Running, cancellationToken)) return false;
        await RunJob.FireAsync(scheduler, runId, TimeSpan.Zero, cancellationToken);
        return true;
    }

    /// <summary>Starts the loop of every run that is running but neither executing nor waiting to (after a restart; the in-memory job store forgets).</summary>
    public async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var run in await store.ListRunsAsync(cancellationToken))
            if (run.Status == RunStatus.Running && !await FiringAsync(scheduler, RunJob.KeyOf(run.Id), cancellationToken)
                && (await scheduler.QueryTriggers(new TriggerQuery { Job = RunJob.KeyOf(run.Id) }, cancellationToken)).Items.Count == 0)
                await RunJob.FireAsync(scheduler, run.Id, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Adds a cron schedule that starts a run with <paramref name="request"/>'s run at each firing; returns its name.</summary>
    public async Task<string> ScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        var name = $"schedule-{Guid.NewGuid():N}"[..21];
        var job = JobBuilder.Create<ScheduledRunJob>().WithIdentity(name, ScheduledRunJob.Group)
            .UsingJobData(ScheduledRunJob.RequestKey, JsonSerializer.Serialize(request.Run, JsonSerializerOptions.Web))
            .WithDescription($"starts run '{request.Run.Name}' on {request.Run.Tasks} at '{request.Cron}'").Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, ScheduledRunJob.Group).WithCronSchedule(request.Cron).Build();
        await (await schedulers.GetScheduler(cancellationToken)).ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        return name;
    }

    /// <summary>Removes a cron schedule; false when there is none of that name.</summary>
    public async Task<bool> UnscheduleAsync(string name, CancellationToken cancellationToken) =>
        await (await schedulers.GetScheduler(cancellationToken)).DeleteJob(new JobKey(name, ScheduledRunJob.Group), cancellationToken);

    /// <summary>
    /// Records why the run's job is to stop, drops its pending firings and interrupts it wherever it
    /// executes (the job then sets the status); a run whose loop is not executing gets <paramref name="status"/> at once.
    /// </summary>
    private async Task<bool> StopAsync(long runId, string stop, RunStatus status, RunStatus[] from, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(runId, cancellationToken) is not { } run || !from.Contains(run.Status)) return false;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = RunJob.KeyOf(runId);
        await RunJob.SaveAsync(scheduler, runId, stop, cancellationToken);
        foreach (var trigger in (await scheduler.QueryTriggers(new TriggerQuery { Job = key }, cancellationToken)).Items)
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken);
        if (await FiringAsync(scheduler, key, cancellationToken)) await scheduler.Interrupt(key, cancellationToken);
        else
        {
            // From where it was read: a run that moved meanwhile (completed, failed, paused elsewhere) keeps its new status.
            if (!await store.TransitionRunAsync(runId, run.Status, status, cancellationToken)) return false;
            if (status == RunStatus.Cancelled) await scheduler.DeleteJob(key, cancellationToken);
        }
        return true;
    }

    /// <summary>Whether the run's job is executing in this process, or has a firing under way elsewhere in the cluster.</summary>
    private async Task<bool> FiringAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken) =>
        live.IsExecuting(key) || (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = key, State = null }, cancellationToken)).Items.Count > 0;
}
