using ArcSynth.Data.Mutation;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Data.Search;

/// <summary>What the mutation search found for one task.</summary>
/// <param name="Best">The best program on the demonstrations, and its score.</param>
public sealed record SearchOutcome(string TaskId, ProgramOnTask Best, bool SolvedDemonstrations, bool Solved);

/// <summary>
/// CodeIt's mutation baseline: a budget of typed one-call mutants of the seed programs (each mutant
/// mutates a seed or an earlier mutant), tried with the seeds on every target task's demonstrations,
/// ranked as the executor ranks; the best distinct test outputs are the attempts. Test outputs are
/// read only to score the final predictions.
/// </summary>
public sealed class MutationSearch(PrimitiveRegistry registry, Limits limits, int threads)
{
    /// <summary>The seeds and <paramref name="budget"/> distinct mutants, reproducible for a seed.</summary>
    public static List<FunctionDef> Candidates(IReadOnlyList<FunctionDef> seeds, int budget, int seed, PrimitiveRegistry registry, MutationWeights weights)
    {
        var mutator = new TypedMutator(registry, weights);
        var random = new Random(seed);
        var pool = seeds.Select((f, i) => f with { Name = $"seed{i}_{f.Name.Replace('_', '-')}" }).ToList();
        var seen = pool.Select(CanonicalForm.Of).ToHashSet(StringComparer.Ordinal);
        var failures = 0;
        for (var k = 0; pool.Count < seeds.Count + budget && failures < budget * 10 + 100; k++)
        {
            var parent = pool[random.Next(pool.Count)];
            if (mutator.Mutate(parent, $"mutant{pool.Count - seeds.Count}", random) is { } m && seen.Add(CanonicalForm.Of(m))) pool.Add(m);
            else failures++;
        }
        return pool;
    }

    /// <summary>Tries every candidate on every task, one task at a time (so memory stays bounded), and reports each task.</summary>
    public IEnumerable<SearchOutcome> Run(IReadOnlyList<FunctionDef> candidates, IReadOnlyList<ArcTask> tasks, int attempts, CancellationToken cancellation = default)
    {
        var executor = new BatchExecutor(registry, limits, threads, cacheCapacity: 1 << 16);
        foreach (var task in tasks)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = executor.Run(candidates, [task], cancellation)[0];
            var best = result.Ranked[0];
            yield return new SearchOutcome(task.Id, best, best.Score.SolvesDemonstrations, result.Solved(attempts));
        }
    }
}
