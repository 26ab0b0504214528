using System.Globalization;
using Hangfire;
using Hangfire.States;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// What the job storage keeps of each run beside its jobs, in a Hangfire hash per run that every node
/// reads and writes: the id of its loop's latest job, the job of each of its steps (so a step handed out
/// again while its earlier job is still queued or executing is adopted, not done twice at once), and why
/// its loop is to stop (<see cref="Pause"/> or <see cref="Cancel"/>). It goes once the run has ended.
/// </summary>
internal sealed class RunJobs(JobStorage storage)
{
    public const string Pause = "pause";
    public const string Cancel = "cancel";

    private static readonly HashSet<string> Pending = [EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName];

    private const string LoopField = "loop";
    private const string StopField = "stop";

    /// <summary>Whether a job in <paramref name="state"/> is still to execute or executing (on a live node, or on a dead one until its invisibility timeout hands it to another).</summary>
    public static bool IsPending(string? state) => state is not null && Pending.Contains(state);

    public string? LoopJob(long runId) => Get(runId, LoopField);

    public void SetLoopJob(long runId, string jobId) => Set(runId, LoopField, jobId);

    public string? StepJob(long runId, int iteration, string phase, int shard) => Get(runId, StepField(iteration, phase, shard));

    public void SetStepJob(long runId, int iteration, string phase, int shard, string jobId) => Set(runId, StepField(iteration, phase, shard), jobId);

    /// <summary>Why the run's loop is to stop, or null when it is to go on.</summary>
    public string? StopReason(long runId) => Get(runId, StopField) is { Length: > 0 } reason ? reason : null;

    /// <summary>Records why the run's loop is to stop (null: it is to go on; a hash field cannot be removed alone, so it is emptied).</summary>
    public void SetStopReason(long runId, string? reason) => Set(runId, StopField, reason ?? "");

    /// <summary>Drops the run's record: it has ended.</summary>
    public void Forget(long runId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(KeyOf(runId));
        transaction.Commit();
    }

    /// <summary>The state of job <paramref name="jobId"/> (Enqueued, Processing, Succeeded, Deleted, ...); null for none, or one the storage no longer has.</summary>
    public string? StateOf(string? jobId)
    {
        if (jobId is null) return null;
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static string KeyOf(long runId) => $"arcsynth:run:{runId.ToString(CultureInfo.InvariantCulture)}";

    private static string StepField(int iteration, string phase, int shard) => string.Create(CultureInfo.InvariantCulture, $"step:{iteration}:{phase}:{shard}");

    private string? Get(long runId, string field)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash(KeyOf(runId))?.GetValueOrDefault(field);
    }

    private void Set(long runId, string field, string value)
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(KeyOf(runId), [new KeyValuePair<string, string>(field, value)]);
    }
}
