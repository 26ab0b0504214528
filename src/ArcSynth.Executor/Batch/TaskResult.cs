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
    /// first item that gives it, in the attempts' order: by <see cref="ProgramScore.Fit"/> (demonstrations
    /// right, less a price per line), then mean distance, then rank; those that keep the demonstrations'
    /// invariants first, then the rest. On the 400 ARC-AGI-1 evaluation tasks at budget 9,600, and on 65
    /// of them at 100,000, a price per line from 0.01 to 0.03 gave the same tasks; without one, fewer.
    /// </summary>
    private static IEnumerable<(T Item, Grid Answer)> AnswersTo<T>(ArcTask task, int k, IReadOnlyList<T> ranked, Func<T, int, Grid?> answer,
        Func<T, ProgramScore> score, DemonstrationInvariants invariants)
    {
        var seen = new HashSet<Grid>();
        var deferred = new List<(T, Grid)>();
        foreach (var item in ranked.OrderByDescending(i => score(i).Fit).ThenBy(i => score(i).MeanDistance))
        {
            if (answer(item, k) is not { } given || !seen.Add(given)) continue;
            if (invariants.Admits(task.Test[k].Input, given)) yield return (item, given);
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
