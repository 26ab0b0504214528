using ArcSynth.Dsl.Values;

namespace ArcSynth.Synthesis.Replay;

/// <summary>
/// A program and the task it solves by construction: the demonstration inputs it ran on, paired
/// with the outputs it really produced (hindsight relabeling).
/// </summary>
/// <param name="Length">Lines of the program; the buffer keeps the shortest program per output signature.</param>
/// <param name="Priority">The share of the real task's demonstration pairs the program got exactly right, in [0, 1].</param>
public sealed record ReplayEntry(string Program, int Length, string TaskId, IReadOnlyList<(Grid Input, Grid Output)> Examples, double Priority)
{
    /// <summary>The task and the outputs: two programs with one signature define the same training task.</summary>
    public string Signature { get; } = TaskId + ":" + string.Join(",", Examples.Select(e => e.Output.Hash));
}
