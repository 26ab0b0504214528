using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Batch;

/// <summary>Every distinct program of a batch on one task, best first.</summary>
public sealed record TaskResult(ArcTask Task, IReadOnlyList<ProgramOnTask> Ranked)
{
    /// <summary>
    /// The attempts for each test input: the distinct outputs of the programs, those that keep the
    /// demonstrations' invariants first, each in the attempts' order (<see cref="AnswersTo"/>), at most
    /// <paramref name="attempts"/> of them. Reads no test output.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Grid>> Predictions(int attempts)
    {
        var invariants = new DemonstrationInvariants(Task);
        return Task.Test.Select((_, k) => (IReadOnlyList<Grid>)AnswersTo(Task, k, Ranked, (p, i) => p.Test[i].Output, p => p.Score, invariants)
            .Take(attempts).Select(a => a.Answer).ToList()).ToList();
    }

    /// <summary>
    /// Of <paramref name="ranked"/>, each item that gives a test input one of its attempts (the same
    /// answers, in the same order, as <see cref="Predictions"/>): what must be kept for the attempts,
    /// since many programs can share one answer. <paramref name="answer"/> reads an item's answer to input k (null: none),
    /// <paramref name="score"/> its score.
    /// </summary>
    public static IEnumerable<T> Answering<T>(ArcTask task, IReadOnlyList<T> ranked, int attempts, Func<T, int, Grid?> answer, Func<T, ProgramScore> score)
    {
        var invariants = new DemonstrationInvariants(task);
        return Enumerable.Range(0, task.Test.Count).SelectMany(k => AnswersTo(task, k, ranked, answer, score, invariants).Take(attempts).Select(a => a.Item));
    }

    /// <summary>
    /// The distinct answers of <paramref name="ranked"/> to test input <paramref name="k"/>, each with the
    /// first item that gives it, in the attempts' order: taken in turn from two orders of the programs,
    /// the ranking's (demonstrations right, then distance, then length) and <see cref="ProgramScore.Fit"/>'s
    /// (the share of demonstrations right less a price per line, then distance); in each, the answers
    /// that keep the demonstrations' invariants come first. Each order is right where the other is wrong:
    /// among programs that get as many demonstrations right, the nearest is sometimes fitted to them and
    /// a shorter one right. With arc-dsl's solvers on the ARC-AGI-1 evaluation tasks, taking turns lost
    /// no task to either order alone over a search at 9,600, one at 100,000 and the stored programs of
    /// eight loop iterations, less one task swapped for another at 9,600 (the ranking's order alone: 54, 46 and 56
    /// tasks; fit's alone: 55, 48 and 54; in turn: 54, 48 and 56).
    /// </summary>
    private static IEnumerable<(T Item, Grid Answer)> AnswersTo<T>(ArcTask task, int k, IReadOnlyList<T> ranked, Func<T, int, Grid?> answer,
        Func<T, ProgramScore> score, DemonstrationInvariants invariants)
    {
        var byFit = ranked.OrderByDescending(i => score(i).Fit).ThenBy(i => score(i).MeanDistance);
        using var first = Distinct(task.Test[k].Input, ranked, item => answer(item, k), invariants).GetEnumerator();
        using var second = Distinct(task.Test[k].Input, byFit, item => answer(item, k), invariants).GetEnumerator();
        var orders = new[] { first, second };
        var taken = new HashSet<Grid>();
        for (var turn = 0; (Next(orders[turn], taken) ?? Next(orders[1 - turn], taken)) is { } next; turn = 1 - turn)
            yield return next;
    }

    /// <summary>The next answer of <paramref name="answers"/> not taken yet, now taken; null when there is none.</summary>
    private static (T Item, Grid Answer)? Next<T>(IEnumerator<(T Item, Grid Answer)> answers, HashSet<Grid> taken)
    {
        while (answers.MoveNext())
            if (taken.Add(answers.Current.Answer)) return answers.Current;
        return null;
    }

    /// <summary>The distinct answers of <paramref name="items"/>, in their order, to <paramref name="input"/>: those that keep the demonstrations' invariants first.</summary>
    private static IEnumerable<(T Item, Grid Answer)> Distinct<T>(Grid input, IEnumerable<T> items, Func<T, Grid?> answer, DemonstrationInvariants invariants)
    {
        var seen = new HashSet<Grid>();
        var deferred = new List<(T, Grid)>();
        foreach (var item in items)
        {
            if (answer(item) is not { } given || !seen.Add(given)) continue;
            if (invariants.Admits(input, given)) yield return (item, given);
            else deferred.Add((item, given));
        }
        foreach (var d in deferred) yield return d;
    }

    /// <summary>
    /// The ARC rule: solved when every test output is among its attempts. This is the one place
    /// where test outputs are read, to score the final predictions.
    /// </summary>
    public bool Solved(int attempts)
    {
        var predictions = Predictions(attempts);
        return Task.Test.Count > 0 && Task.Test.Select((e, k) => e.Output is { } expected && predictions[k].Contains(expected)).All(x => x);
    }
}
