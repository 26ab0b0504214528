using ArcSynth.Dsl.Values;

namespace ArcSynth.Executor.Running;

/// <summary>The result of one program on one input: a grid, or why there is none.</summary>
public sealed record ExampleOutcome(ExampleStatus Status, Grid? Output, string? Error)
{
    /// <summary>Whether the output equals <paramref name="expected"/> exactly.</summary>
    public bool Matches(Grid? expected) => Output is not null && expected is not null && Output.Equals(expected);
}
