using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Executor.Batch;

/// <summary>One program's outcomes on one task, scored on the demonstrations (train pairs) alone.</summary>
/// <param name="Aliases">Other programs of the batch with the same canonical form, which were not run again.</param>
public sealed record ProgramOnTask(string Program, IReadOnlyList<string> Aliases, ProgramScore Score,
    IReadOnlyList<ExampleOutcome> Train, IReadOnlyList<ExampleOutcome> Test);
