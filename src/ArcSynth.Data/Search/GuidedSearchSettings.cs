namespace ArcSynth.Data.Search;

/// <summary>How the guided search spends its budget on one task.</summary>
/// <param name="Budget">Candidate programs run on the demonstrations per task, besides the pool it starts from.</param>
/// <param name="Seed">Seed of the edits; with the task's id it fixes every choice of the search.</param>
/// <param name="Attempts">Distinct test outputs allowed per test input (3 for ARC-AGI-1, 2 for ARC-AGI-2).</param>
/// <param name="Batch">Edits of a parent tried each time it is expanded.</param>
/// <param name="Breadth">Parents are drawn from this many best programs of the frontier, which also lend their lines to insertions and splices.</param>
/// <param name="Spread">
/// What one expansion costs a parent in rank: the next parent is the one of the best
/// <paramref name="Breadth"/> with the least rank + Spread x expansions, so the search keeps
/// returning to the best programs without expanding only one.
/// </param>
/// <param name="Capacity">
/// Most programs the frontier holds, the worst dropped first (its behaviour stays known). Only the
/// best <paramref name="Breadth"/> are expanded; the rest are kept for hindsight and the attempts.
/// </param>
/// <param name="LocalShare">
/// The share of a batch taken from the parent's one-name changes (<see cref="ProgramEditor.Neighbours"/>,
/// each tried once), while any are left; the rest are drawn edits of every kind.
/// </param>
/// <param name="Restarts">
/// Searches of a task one after the other, each from the pool alone with its own random path and an
/// equal share of the budget; the attempts choose from what all of them found.
/// </param>
/// <param name="InfillLines">
/// Values a <see cref="ILineFiller"/> (the loop's model) proposes, when the search has one, at the second
/// expansion of one of the best few programs, for the line whose one-name changes came closest to the
/// demonstrations; each counts against the budget like any edit.
/// </param>
public sealed record GuidedSearchSettings(
    int Budget,
    int Seed = 1,
    int Attempts = 3,
    int Batch = 24,
    int Breadth = 48,
    double Spread = 2,
    int Capacity = 512,
    double LocalShare = 0.6,
    int Restarts = 1,
    int InfillLines = 8)
{
    /// <summary>Candidates a path gets at least before the budget is split into more restarts (<see cref="RestartsFor"/>).</summary>
    public const int PathBudget = 2400;

    /// <summary>Restarts the budget is split into at most (<see cref="RestartsFor"/>).</summary>
    public const int MaxRestarts = 4;

    /// <summary>
    /// The restarts <c>search guided</c> and the loop use for <paramref name="budget"/>: one per
    /// <see cref="PathBudget"/> candidates, at least one and at most <see cref="MaxRestarts"/>. On the 400
    /// ARC-AGI-1 evaluation tasks, four paths solved 56 and 53 at 9,600 (seeds 1 and 2) where one path
    /// solved 54 and 48, and 63 at 38,400 where one path solved 54, for the same candidates (README, The guided search).
    /// </summary>
    public static int RestartsFor(int budget) => Math.Clamp(budget / PathBudget, 1, MaxRestarts);

    /// <summary>How often each edit is drawn.</summary>
    public EditWeights Edits { get; init; } = new();

    /// <summary>
    /// The time limit of a program on one demonstration, the pool's and the edits' alike, where it is
    /// shorter than the search's own (which the final attempts on the test inputs run under). Edits
    /// write slow programs far more often than right ones: on the first 20 ARC-AGI-1 evaluation tasks,
    /// 20 ms instead of 200 found the same programs in 0.7 of the time. A pool's slow programs cost
    /// as much: arc-dsl's heaviest solvers took half the time of running all 400 on other tasks, and
    /// 50 ms instead of 200 for them found the same programs on the first 100 evaluation tasks.
    /// </summary>
    public TimeSpan DemonstrationTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The largest container (items, or cells of a grid) a program may build on a demonstration, pool and
    /// edits alike, where it is smaller than the search's own limit. Edits that pair two large sets
    /// (a product of an object's cells with themselves) run until the time limit on every demonstration:
    /// on 7d1f7ee8 they took 40 s of a 9,600-candidate search that took 1.6 s at this limit. arc-dsl's
    /// 400 solvers build nothing larger on their own tasks (each still gets its own task right at it).
    /// </summary>
    public int DemonstrationMaxContainer { get; init; } = 1 << 14;

    /// <summary>
    /// Primitive calls per task of the bottom-up enumeration (<see cref="Enumeration.ValueEnumerator"/>) run
    /// before the edits: its solutions and its grids nearest to the outputs start the frontier. 0 (here) turns it off.
    /// </summary>
    public int EnumerationCalls { get; init; }

    /// <summary>
    /// The enumeration's calls per task in <c>search guided</c> and the loop: on the held-out half at 9,600
    /// candidates it solved 390 over 8 seeds against 368 for the search without it at 14,400, in about the
    /// same CPU time (50,000 calls: 397, for 12% more); on the evaluation tasks, about as many as without
    /// it (README, The guided search).
    /// </summary>
    public const int EnumerationDefault = 25_000;
}
