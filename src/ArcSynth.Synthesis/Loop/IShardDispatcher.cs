namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// How an iteration's sampling shards get done when not one after the other in the loop's own
/// process: handed to the nodes of a cluster, each calling <see cref="CodeItLoop.SampleShardAsync"/>.
/// </summary>
public interface IShardDispatcher
{
    /// <summary>Returns once every one of <paramref name="shards"/> of the iteration is a completed step in the store.</summary>
    Task RunAsync(long runId, int iteration, IReadOnlyList<int> shards, CancellationToken cancellationToken);
}
