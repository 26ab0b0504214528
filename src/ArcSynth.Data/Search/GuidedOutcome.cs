using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Data.Search;

/// <summary>What the guided search did on one task.</summary>
/// <param name="Tried">Candidates run on the demonstrations besides the pool (at most the budget).</param>
/// <param name="Best">The best program on the demonstrations, and its score (mean relative distance: 1 is the input unchanged).</param>
/// <param name="Result">The best distinct programs with their demonstration and test outcomes, best first: the attempts come from it.</param>
/// <param name="Found">Programs found by edits that return a grid on every demonstration, one per behaviour, best first: what hindsight relabels.</param>
/// <param name="Infilled">Candidates among <paramref name="Tried"/> whose changed line a <see cref="ILineFiller"/> wrote.</param>
public sealed record GuidedOutcome(string TaskId, int Tried, FunctionDef Best, ProgramScore BestScore, TaskResult Result,
    IReadOnlyList<FunctionDef> Found, TimeSpan Elapsed, int Infilled = 0)
{
    /// <summary>Whether the best program gets every demonstration exactly right.</summary>
    public bool SolvedDemonstrations => BestScore.SolvesDemonstrations;

    /// <summary>The ARC rule on the attempts; reads the test outputs, so only for final scoring.</summary>
    public bool Solved(int attempts) => Result.Solved(attempts);
}
