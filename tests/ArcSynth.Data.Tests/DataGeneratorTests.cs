using ArcSynth.Data.Datasets;
using ArcSynth.Data.Generation;
using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Data.Tests;

public sealed class DataGeneratorTests
{
    private static readonly IReadOnlyList<FunctionDef> Seeds =
        ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py").Functions;

    private static readonly Lazy<IReadOnlyList<Tasks.Model.ArcTask>> Training = new(() => ArcTaskLoader.LoadFolder(TestData.Training));

    private static (List<GeneratedTask> Tasks, GenerationStats Stats) Generate(int seed, int threads, int count = 120)
    {
        var stats = new GenerationStats();
        var generator = new DataGenerator(PrimitiveRegistry.BuiltIn, Limits.Default with { Timeout = TimeSpan.FromSeconds(2) }, threads);
        return (generator.Generate(Seeds, Training.Value, new GenerationSettings(count, seed, BatchSize: 64), stats).ToList(), stats);
    }

    [Fact]
    public void Keeps_valid_nontrivial_new_tasks_from_seeds_mutants_and_generated_programs()
    {
        var (tasks, stats) = Generate(seed: 3, threads: 2);
        Assert.Equal(120, tasks.Count);
        Assert.Equal(120, stats.Kept);
        Assert.Equal(stats.Tried, stats.Kept + stats.Dropped.Values.Sum());
        Assert.Equal([ProgramSource.Seed, ProgramSource.Mutation, ProgramSource.Generation], tasks.Select(t => t.Source).Distinct().Order());
        foreach (var t in tasks)
        {
            var program = ProgramParser.ParseFunction(t.Program);
            Assert.Empty(TypeChecker.Check(program, PrimitiveRegistry.BuiltIn));
            Assert.All(t.Examples, e => Assert.True(e.Output.Height is >= 1 and <= 30 && e.Output.Width is >= 1 and <= 30 && e.Output.Cells.ToArray().All(v => v is >= 0 and <= 9)));
            Assert.False(t.Examples.All(e => e.Input.Equals(e.Output)), $"{program.Name} is the identity");
            Assert.False(t.Examples.Count > 1 && t.Examples.All(e => e.Output.Equals(t.Examples[0].Output)), $"{program.Name} is constant");
        }
        // Every recorded output is what the program really gives on that input.
        foreach (var t in tasks)
        {
            var compiled = Dsl.Language.Execution.CompiledProgram.Compile(ProgramParser.ParseFunction(t.Program), PrimitiveRegistry.BuiltIn);
            Assert.All(t.Examples, e => Assert.Equal(e.Output, compiled.Run(e.Input)));
            Assert.Equal(Training.Value.Single(x => x.Id == t.InputsFrom).Train.Concat(Training.Value.Single(x => x.Id == t.InputsFrom).Test).Select(x => x.Input), t.Examples.Select(e => e.Input));
        }
        var signatures = tasks.Select(t => t.InputsFrom + string.Concat(t.Examples.Select(e => e.Output.Hash))).ToList();
        Assert.Equal(signatures.Count, signatures.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_dataset_whatever_the_threads()
    {
        var one = Generate(seed: 9, threads: 1, count: 60).Tasks.Select(t => t.Program + t.InputsFrom);
        var two = Generate(seed: 9, threads: 2, count: 60).Tasks.Select(t => t.Program + t.InputsFrom);
        Assert.Equal(one, two);
        Assert.NotEqual(one, Generate(seed: 10, threads: 2, count: 60).Tasks.Select(t => t.Program + t.InputsFrom));
    }

    [Fact]
    public void Generated_programs_type_check_and_carry_no_dead_lines()
    {
        var generator = new TypedGenerator(PrimitiveRegistry.BuiltIn);
        var random = new Random(5);
        for (var k = 0; k < 100; k++)
        {
            var f = generator.Generate($"g{k}_x", 6, random);
            Assert.NotNull(f);
            Assert.Empty(TypeChecker.Check(f, PrimitiveRegistry.BuiltIn));
            Assert.Equal(f.Body.Count, DeadCode.Prune(f).Body.Count);
        }
    }
}
