using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Synthesis.Phases;

/// <summary>
/// One phase of a run: how many steps it has in an iteration, and how one of them is done. A step
/// reads only the store, the run and the home folder's checkpoints, so any node can do it, and it is
/// stored as one transaction with its programs and results.
/// </summary>
internal interface ILoopPhase
{
    /// <summary>The phase's name as the store records its steps (<see cref="LoopPhases"/>).</summary>
    string Name { get; }

    /// <summary>The steps (shards) of this phase in an iteration of <paramref name="run"/>.</summary>
    int Steps(RunContext run);

    /// <summary>Does step <paramref name="shard"/> of <paramref name="iteration"/> and stores it; false when it was stored already (by another node).</summary>
    Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation);
}
