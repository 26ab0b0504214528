using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Batch;

/// <summary>Every distinct program of a batch on one task, best first.</summary>
public sealed record TaskResult(ArcTask Task, IReadOnlyList<ProgramOnTask> Ranked)
{
    /// <summary>
    /// The attempts for each test input: the outputs of the best programs in rank order, distinct,
    /// at most <paramref name="attempts"/> of them. Reads no test output.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Grid>> Predictions(int attempts) =>
        Task.Test.Select((_, k) => (IReadOnlyList<Grid>)Ranked
            .Select(p => p.Test[k].Output)
            .OfType<Grid>()
            .Distinct()
            .Take(attempts)
            .ToList()).ToList();

    /// <summary>
    /// Of <paramref name="ranked"/>, in rank order, each item that gives a test input an answer none before it
    /// gave, up to <paramref name="attempts"/> answers an input: what must be kept for the attempts, since
    /// many programs can share one answer. <paramref name="answer"/> reads an item's answer to input k (null: none).
    /// </summary>
    public static IEnumerable<T> Answering<T>(IEnumerable<T> ranked, int testInputs, int attempts, Func<T, int, Grid?> answer)
    {
        for (var k = 0; k < testInputs; k++)
        {
            var answers = new HashSet<Grid>();
            foreach (var item in ranked)
            {
                if (answer(item, k) is not { } given || !answers.Add(given)) continue;
                yield return item;
                if (answers.Count == attempts) break;
            }
        }
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
