namespace ArcSynth.Synthesis.Store;

/// <summary>
/// Where a loop keeps everything it must not lose: runs, the record of each iteration, every program
/// it scored with its outputs and lineage, the replay buffer, per-task results and the steps it has
/// completed (so a killed run resumes from the last completed step). Each Save call is one
/// transaction: after a crash a step is either fully there or not at all. Implementations: the
/// embedded SQLite file and PostgreSQL (src/ArcSynth.Storage).
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>Starts a run and returns its id.</summary>
    Task<long> CreateRunAsync(string name, string configJson, string registryVersion, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetRunAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Every run, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the run from <paramref name="from"/> to <paramref name="to"/> in one conditional write: true when it
    /// did, false (writing nothing) when the run stands elsewhere, so that a stop, a pause and a failure
    /// cannot overwrite one another. Throws <see cref="ArgumentException"/> for a move that
    /// <see cref="RunTransitions"/> does not allow.
    /// </summary>
    Task<bool> TransitionRunAsync(long runId, RunStatus from, RunStatus to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a step of an iteration completed, with what it produced, atomically with
    /// <paramref name="programs"/> and <paramref name="results"/>. Returns false, writing nothing,
    /// when that step was already completed (by another node of a cluster) or the run is not
    /// running any more (it was paused or cancelled while the step was under way).
    /// </summary>
    Task<bool> CompleteStepAsync(StepRecord step, IReadOnlyList<ProgramRecord> programs, IReadOnlyList<TaskResultRecord> results, CancellationToken cancellationToken = default);

    /// <summary>The completed steps of a run, in order.</summary>
    Task<IReadOnlyList<StepRecord>> StepsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Records a finished iteration's figures.</summary>
    Task SaveIterationAsync(IterationRecord iteration, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IterationRecord>> IterationsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Programs of a run, optionally of one task or one iteration.</summary>
    Task<IReadOnlyList<ProgramRecord>> ProgramsAsync(long runId, string? taskId = null, int? iteration = null, CancellationToken cancellationToken = default);

    Task<ProgramRecord?> GetProgramAsync(long programId, CancellationToken cancellationToken = default);

    /// <summary>Per-task results of a run's iteration (null: its latest iteration with results).</summary>
    Task<IReadOnlyList<TaskResultRecord>> TaskResultsAsync(long runId, int? iteration = null, CancellationToken cancellationToken = default);
}
