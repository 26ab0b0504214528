namespace ArcSynth.Server.Runs;

/// <summary>One step of a run: a phase of a meta-iteration, and for the sharded search phase the block of tasks.</summary>
public sealed record RunStep(int Iteration, string Phase, int Shard);

/// <summary>Where a run stands: the next step (null when none is left) and how many of all its steps are done.</summary>
public sealed record RunProgress(RunStep? Next, int CompletedSteps, int TotalSteps, int Shards);
