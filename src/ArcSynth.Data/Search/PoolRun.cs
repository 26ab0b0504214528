using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Data.Search;

/// <summary>A pool program's run on a task's demonstrations as <see cref="PoolMemo"/> keeps it: all a candidate holds but its line values.</summary>
internal sealed record PoolRun(ExampleOutcome[] Train, ProgramScore Score, ulong Behaviour, ExampleOutcome[]? Test, bool Answers);
