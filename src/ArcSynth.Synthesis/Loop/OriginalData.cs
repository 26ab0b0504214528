using ArcSynth.Data.Datasets;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// CodeIt's original data: each seed program with its own task's demonstrations, plus typed
/// mutations and generations of the seeds turned into tasks by what they really produce. The same
/// settings rebuild the same data, so it is not stored; a resumed run makes it again.
/// </summary>
public static class OriginalData
{
    public static IReadOnlyList<TrainingExample> Build(IReadOnlyList<FunctionDef> seeds, IReadOnlyList<ArcTask> seedTasks, int mutations, int seed,
        PrimitiveRegistry registry, Limits limits, int threads, CancellationToken cancellation)
    {
        var byId = seedTasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var examples = seeds
            .Where(f => byId.ContainsKey(f.TaskId))
            .Select(f => new TrainingExample(byId[f.TaskId].Train.Select(e => (e.Input, e.Output!)).ToList(), f))
            .ToList();
        if (mutations <= 0) return examples;
        // The generator counts the seeds it starts from among what it keeps; those are already here.
        var generated = new DataGenerator(registry, limits, threads)
            .Generate(seeds, seedTasks, new GenerationSettings(mutations + examples.Count, seed), new GenerationStats(), cancellation)
            .Where(g => g.Source != ProgramSource.Seed);
        foreach (var g in generated)
            examples.Add(new TrainingExample(g.Examples, ProgramParser.ParseFunction(g.Program, "<generated>")));
        return examples;
    }
}
