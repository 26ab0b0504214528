namespace ArcSynth.Server.Scheduling;

/// <summary>
/// One loop per run, cluster-wide: the lock a run's job holds while its loop runs. The store keeps each
/// step once whoever does it; the lock keeps two nodes from walking one run's steps (its training among
/// them, which writes the run's checkpoints) at the same time.
/// </summary>
internal interface ILoopLocks
{
    /// <summary>Takes run <paramref name="runId"/>'s lock when no one holds it; null when someone does.</summary>
    Task<LoopLock?> TryTakeAsync(long runId, CancellationToken cancellationToken);
}
