using System.Collections.Concurrent;

namespace ArcSynth.Server.Scheduling;

/// <summary>The loop locks of the embedded default, whose one process is the whole cluster.</summary>
internal sealed class ProcessLoopLocks : ILoopLocks
{
    private readonly ConcurrentDictionary<long, byte> _held = new();

    public Task<LoopLock?> TryTakeAsync(long runId, CancellationToken cancellationToken) =>
        Task.FromResult(_held.TryAdd(runId, 0) ? new LoopLock(CancellationToken.None, () => Release(runId)) : null);

    private ValueTask Release(long runId)
    {
        _held.TryRemove(runId, out _);
        return ValueTask.CompletedTask;
    }
}
