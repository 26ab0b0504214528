namespace ArcSynth.Synthesis.Store;

/// <summary>
/// A completed step of a meta-iteration: a phase, and for sharded phases the shard (e.g. a block
/// of tasks sampled); <paramref name="StateJson"/> holds what the next step needs (e.g. the
/// checkpoint written, the training loss).
/// </summary>
public sealed record StepRecord(long RunId, int Iteration, string Phase, int Shard, string StateJson, DateTimeOffset CompletedAt);
