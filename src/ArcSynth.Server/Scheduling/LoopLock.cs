namespace ArcSynth.Server.Scheduling;

/// <summary>A run's loop lock held by this node (<see cref="ILoopLocks"/>); disposing it lets the lock go.</summary>
internal sealed class LoopLock(CancellationToken lost, Func<ValueTask> release) : IAsyncDisposable
{
    /// <summary>Cancelled when the lock went away under its holder (its database session ended): another node may hold it now.</summary>
    public CancellationToken Lost => lost;

    public ValueTask DisposeAsync() => release();
}
