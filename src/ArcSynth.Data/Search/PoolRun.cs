using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Data.Search;

/// <summary>
/// A pool program's run on a task's demonstrations as <see cref="PoolMemo"/> keeps it: what ranks it and
/// tells its behaviour, and its test-input runs where it has them; not its outputs on the demonstrations
/// nor its line values (kept for every seed on every task, the outputs alone took gigabytes).
/// </summary>
internal sealed record PoolRun(ProgramScore Score, ulong Behaviour, ExampleOutcome[]? Test, bool Answers);
