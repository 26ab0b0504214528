namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// How a run's steps get done when not one after the other in the loop's own process: handed to the
/// nodes of a cluster, each calling <see cref="CodeItLoop.RunStepAsync"/>.
/// </summary>
public interface IStepDispatcher
{
    /// <summary>
    /// Returns once every one of <paramref name="shards"/> of the iteration's <paramref name="phase"/>
    /// is a completed step in the store. <paramref name="runHere"/> does a shard in this process, for
    /// one that no other node has taken.
    /// </summary>
    Task RunAsync(long runId, int iteration, string phase, IReadOnlyList<int> shards, Func<int, CancellationToken, Task> runHere, CancellationToken cancellationToken);
}
