using ArcSynth.Data.Generation;
using ArcSynth.Data.Mutation;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Data.Datasets;

/// <summary>
/// Turns programs into ARC-style tasks: the seeds on their own tasks' inputs, then typed mutants of
/// seeds and kept programs (on their parent's inputs) and generated programs (on a random task's
/// inputs), each kept only when every output is a valid ARC grid, the program is not trivial (not
/// the identity on every input, not one constant grid) and its outputs are new. Reproducible: the
/// same seed gives the same tasks in the same order, whatever the number of threads.
/// </summary>
public sealed class DataGenerator(PrimitiveRegistry registry, Limits limits, int threads)
{
    private sealed record Candidate(FunctionDef Program, ProgramSource Source, string? Parent, ArcTask Inputs);

    public IEnumerable<GeneratedTask> Generate(IReadOnlyList<FunctionDef> seeds, IReadOnlyList<ArcTask> tasks, GenerationSettings settings,
        GenerationStats stats, CancellationToken cancellation = default)
    {
        if (tasks.Count == 0) yield break;
        var random = new Random(settings.Seed);
        var byId = tasks.ToDictionary(t => t.Id);
        var mutator = new TypedMutator(registry, settings.Weights);
        var generator = new TypedGenerator(registry);
        var executor = new BatchExecutor(registry, limits, threads);
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        // Parents for mutation: the seeds whose task is given, then every kept program.
        var parents = seeds.Where(f => byId.ContainsKey(f.TaskId)).Select(f => (Program: f, Task: byId[f.TaskId])).ToList();
        var serial = 0;

        var batch = parents.Select(p => new Candidate(p.Program, ProgramSource.Seed, null, p.Task)).ToList();
        while (stats.Kept < settings.Count && stats.Tried < settings.Count * 50 + batch.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            if (batch.Count == 0) batch = MakeBatch(settings, random, tasks, parents, mutator, generator, ref serial, stats);
            foreach (var (candidate, outcomes) in Execute(executor, batch, cancellation))
            {
                stats.Tried++;
                var reason = Judge(candidate, outcomes, signatures);
                if (reason is { } r)
                {
                    stats.Dropped[r]++;
                    continue;
                }
                stats.Kept++;
                parents.Add((candidate.Program, candidate.Inputs));
                var inputs = candidate.Inputs.Train.Concat(candidate.Inputs.Test).Select(e => e.Input).ToList();
                yield return new GeneratedTask(ProgramPrinter.Print(candidate.Program), candidate.Source, candidate.Parent, candidate.Inputs.Id,
                    inputs.Zip(outcomes, (i, o) => (i, o.Output!)).ToList());
                if (stats.Kept == settings.Count) yield break;
            }
            batch = [];
        }
    }

    private static List<Candidate> MakeBatch(GenerationSettings settings, Random random, IReadOnlyList<ArcTask> tasks,
        List<(FunctionDef Program, ArcTask Task)> parents, TypedMutator mutator, TypedGenerator generator, ref int serial, GenerationStats stats)
    {
        var batch = new List<Candidate>(settings.BatchSize);
        for (var k = 0; k < settings.BatchSize; k++)
        {
            serial++;
            if (parents.Count > 0 && random.NextDouble() < settings.MutationShare)
            {
                var (parent, task) = parents[random.Next(parents.Count)];
                if (mutator.Mutate(parent, $"mutation{serial}_{task.Id}", random) is { } m) batch.Add(new Candidate(m, ProgramSource.Mutation, parent.Name, task));
                else { stats.Tried++; stats.Dropped[DropReason.NotMade]++; }
            }
            else
            {
                var task = tasks[random.Next(tasks.Count)];
                if (generator.Generate($"generated{serial}_{task.Id}", settings.MaxLines, random) is { } g) batch.Add(new Candidate(g, ProgramSource.Generation, null, task));
                else { stats.Tried++; stats.Dropped[DropReason.NotMade]++; }
            }
        }
        return batch;
    }

    /// <summary>Runs a batch on every core; returns each candidate with its outcomes on all its inputs, in batch order.</summary>
    private static IEnumerable<(Candidate, List<ExampleOutcome>)> Execute(BatchExecutor executor, List<Candidate> batch, CancellationToken cancellation)
    {
        // Each candidate is named after the task whose inputs it runs on; the executor pairs them.
        var results = executor.RunOnOwnTasks(batch.Select(c => c.Program).ToList(), batch.Select(c => c.Inputs).DistinctBy(t => t.Id).ToDictionary(t => t.Id), cancellation);
        var byName = results.SelectMany(r => r.Ranked.SelectMany(p => p.Aliases.Prepend(p.Program).Select(n => (n, p)))).ToDictionary(x => x.n, x => x.p);
        return batch.Select(c => (c, byName[c.Program.Name].Train.Concat(byName[c.Program.Name].Test).ToList()));
    }

    private static DropReason? Judge(Candidate candidate, List<ExampleOutcome> outcomes, HashSet<string> signatures)
    {
        if (outcomes.Any(o => o.Output is not { IsArcGrid: true })) return DropReason.InvalidOutput;
        var inputs = candidate.Inputs.Train.Concat(candidate.Inputs.Test).Select(e => e.Input).ToList();
        if (inputs.Zip(outcomes).All(p => p.First.Equals(p.Second.Output))) return DropReason.Identity;
        if (outcomes.Count > 1 && outcomes.All(o => o.Output!.Equals(outcomes[0].Output))) return DropReason.Constant;
        var signature = candidate.Inputs.Id + ":" + string.Join(",", outcomes.Select(o => o.Output!.Hash));
        return signatures.Add(signature) ? null : DropReason.Duplicate;
    }
}
