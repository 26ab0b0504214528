using System.Text.Json;
using ArcSynth.Server.Primitives;
using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Store;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace ArcSynth.Server.Scheduling;

/// <summary>Starts, pauses, resumes and cancels runs, and keeps cron schedules: the store says where a run stands, Hangfire runs its loop.</summary>
internal sealed class RunControl(IRunStore store, IBackgroundJobClient client, IRecurringJobManager recurring, JobStorage storage, RunJobs jobs,
    ILoopLocks locks, ServerOptions options, PrimitiveCatalog catalog)
{
    /// <summary>Creates a run and starts its loop now; returns its id.</summary>
    public async Task<long> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var settings = request.ToSettings(options);
        // The run records the registry of every primitive accepted so far, on any node.
        await catalog.RefreshAsync(cancellationToken);
        var runId = await store.CreateRunAsync(request.Name, settings.ToJson(), catalog.Version, cancellationToken);
        RunJob.Fire(client, jobs, runId);
        return runId;
    }

    /// <summary>Stops a running run after its current step (it shows Paused once stopped); false when it is not running.</summary>
    public Task<bool> PauseAsync(long runId, CancellationToken cancellationToken) =>
        StopAsync(runId, RunJobs.Pause, RunStatus.Paused, [RunStatus.Running], cancellationToken);

    /// <summary>Ends a running or paused run for good (it shows Cancelled once stopped); false when it had already ended.</summary>
    public Task<bool> CancelAsync(long runId, CancellationToken cancellationToken) =>
        StopAsync(runId, RunJobs.Cancel, RunStatus.Cancelled, [RunStatus.Running, RunStatus.Paused], cancellationToken);

    /// <summary>Lets a paused run go on from its next step; false when it is not paused.</summary>
    public async Task<bool> ResumeAsync(long runId, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Paused }) return false;
        jobs.SetStopReason(runId, null);
        // Cancelled meanwhile from another node: it stays so.
        if (!await store.TransitionRunAsync(runId, RunStatus.Paused, RunStatus.Running, cancellationToken)) return false;
        RunJob.Fire(client, jobs, runId);
        return true;
    }

    /// <summary>Starts the loop of every run that is running but neither executing (no one holds its loop lock) nor waiting to (no pending loop job).</summary>
    public async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        foreach (var run in await store.ListRunsAsync(cancellationToken))
        {
            if (run.Status != RunStatus.Running || RunJobs.IsPending(jobs.StateOf(jobs.LoopJob(run.Id)))) continue;
            await using (var free = await locks.TryTakeAsync(run.Id, cancellationToken))
                if (free is null) continue;
            RunJob.Fire(client, jobs, run.Id);
        }
    }

    /// <summary>Adds a cron schedule (a Hangfire recurring job, in UTC) that starts a run with <paramref name="request"/>'s run at each firing; returns its name.</summary>
    public string Schedule(ScheduleRequest request)
    {
        var name = $"schedule-{Guid.NewGuid():N}"[..21];
        var run = JsonSerializer.Serialize(request.Run, JsonSerializerOptions.Web);
        recurring.AddOrUpdate<ScheduledRunJob>(name, j => j.ExecuteAsync(name, run, CancellationToken.None), request.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return name;
    }

    /// <summary>Removes a cron schedule; false when there is none of that name.</summary>
    public bool Unschedule(string name)
    {
        using (var connection = storage.GetConnection())
            if (connection.GetRecurringJobs([name]) is not [{ Removed: false }]) return false;
        recurring.RemoveIfExists(name);
        return true;
    }

    /// <summary>
    /// Records why the run's loop is to stop; the loop, wherever it executes, sees it within a second and
    /// sets the status. A run whose loop is not executing (its lock is free) gets <paramref name="status"/> at once.
    /// </summary>
    private async Task<bool> StopAsync(long runId, string reason, RunStatus status, RunStatus[] from, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(runId, cancellationToken) is not { } run || !from.Contains(run.Status)) return false;
        jobs.SetStopReason(runId, reason);
        await using var free = await locks.TryTakeAsync(runId, cancellationToken);
        if (free is null) return true;
        // A loop job still in the queue would find the run stopped and end; it goes now.
        if (jobs.LoopJob(runId) is { } queued) client.ChangeState(queued, new DeletedState(), EnqueuedState.StateName);
        // From where it was read: a run that moved meanwhile (completed, failed, paused elsewhere) keeps its new status.
        if (!await store.TransitionRunAsync(runId, run.Status, status, cancellationToken)) return false;
        if (status == RunStatus.Cancelled) jobs.Forget(runId);
        return true;
    }
}
