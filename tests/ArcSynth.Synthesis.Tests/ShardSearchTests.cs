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
            .Run([task], [], library, "i0", CancellationToken.None);
        Assert.InRange(found.Count, 2, 4);
        Assert.Equal("i0s0_c59eb873", found[0].Name);
        Assert.Equal(ProgramPrinter.Print(library[0] with { Name = "p" }), ProgramPrinter.Print(found[0] with { Name = "p" }));
        var compiled = CompiledProgram.Compile(found[0], PrimitiveRegistry.BuiltIn);
        Assert.All(task.Train, e => Assert.True(ProgramRunner.Run(compiled, e.Input, Limits).Matches(e.Output!)));
        // What the search wrote follows it, each under a name of its own.
        Assert.Equal(found.Count, found.Select(f => f.Name).Distinct().Count());
    }
}
