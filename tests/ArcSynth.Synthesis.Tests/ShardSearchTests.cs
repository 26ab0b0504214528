using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Synthesis.Search;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

public sealed class ShardSearchTests
{
    private static readonly Limits Limits = Limits.Default with { Timeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public void A_library_program_that_solves_a_target_as_it_is_comes_back_first_under_the_searchs_name()
    {
        // c59eb873: each demonstration's output is its input scaled up twice; the library program does
        // just that, and the task has no programs of its own, so only the library can have solved it.
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "c59eb873.json"));
        var library = ProgramParser.Parse("def scale_up(I):\n    O = upscale(I, TWO)\n    return O\n", "library.py").Functions;
        var found = new ShardSearch(PrimitiveRegistry.BuiltIn, Limits, new GuidedSearchSettings(200), keepPerTask: 4)
            .Run([task], [], library, "i0", CancellationToken.None).Found;
        Assert.True(found.Count >= 2);
        Assert.Equal("i0s0_c59eb873", found[0].Name);
        Assert.Equal(ProgramPrinter.Print(library[0] with { Name = "p" }), ProgramPrinter.Print(found[0] with { Name = "p" }));
        var compiled = CompiledProgram.Compile(found[0], PrimitiveRegistry.BuiltIn);
        Assert.All(task.Train, e => Assert.True(ProgramRunner.Run(compiled, e.Input, Limits).Matches(e.Output!)));
        // What the search wrote follows it, each under a name of its own.
        Assert.Equal(found.Count, found.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void Every_program_the_searchs_attempts_come_from_is_kept_however_few_of_its_best_are()
    {
        // 0520fde7 from the project's seeds: the search's attempts come from more programs than the one best kept.
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "0520fde7.json"));
        var seeds = ProgramParser.Parse(File.ReadAllText(TestData.SeedsFile), TestData.SeedsFile).Functions.Where(f => f.TaskId != task.Id).ToList();
        var settings = new GuidedSearchSettings(300);
        var outcome = new GuidedSearch(PrimitiveRegistry.BuiltIn, Limits, settings).Search(task, seeds);
        var found = new ShardSearch(PrimitiveRegistry.BuiltIn, Limits, settings, keepPerTask: 1).Run([task], [], seeds, "i0", CancellationToken.None).Found;

        static string Text(FunctionDef f) => ProgramPrinter.Print(f with { Name = "p" });
        var byName = seeds.Concat(outcome.Found).GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Text(g.First()), StringComparer.Ordinal);
        var attemptsFrom = outcome.Result.Ranked.Where(r => byName.ContainsKey(r.Program)).Select(r => byName[r.Program]).Distinct().ToList();
        Assert.True(attemptsFrom.Count > 1, $"only {attemptsFrom.Count} program behind the attempts");
        Assert.Subset(found.Select(Text).ToHashSet(), attemptsFrom.ToHashSet());
        // Besides them, only the search's best find.
        Assert.Subset(attemptsFrom.Append(Text(outcome.Found[0])).ToHashSet(), found.Select(Text).ToHashSet());
    }
}
