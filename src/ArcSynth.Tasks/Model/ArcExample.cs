using ArcSynth.Dsl.Values;

namespace ArcSynth.Tasks.Model;

/// <summary>One input/output pair of a task. <see cref="Output"/> is null for a test pair whose answer is withheld.</summary>
public sealed record ArcExample(Grid Input, Grid? Output);
