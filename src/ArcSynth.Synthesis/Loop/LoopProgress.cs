namespace ArcSynth.Synthesis.Loop;

/// <summary>Where a run is: the phase of an iteration (-1 before the first), and how far through it.</summary>
public sealed record LoopProgress(int Iteration, string Phase, int Done, int Total, string Detail = "");
