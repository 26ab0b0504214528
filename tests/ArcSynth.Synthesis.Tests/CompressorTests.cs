using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Synthesis.Compression;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

public sealed class CompressorTests
{
    private static readonly BatchExecutor Executor = new(PrimitiveRegistry.BuiltIn, Limits.Default with { Timeout = TimeSpan.FromSeconds(1) }, 2);

    [Fact]
    public void A_long_solution_gets_shorter_with_the_same_outputs_on_every_input()
    {
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "67a3c6ac.json"));
        var program = ProgramParser.ParseFunction(
            "def long_67a3c6ac(I):\n    x1 = identity(I)\n    x2 = vmirror(x1)\n    x3 = palette(x2)\n    x4 = vmirror(x2)\n    x5 = vmirror(x4)\n    return x5\n");
        var shorter = new Compressor(Executor).Compress(program, task);

        // The dead line goes, and the identity is bypassed; the mirror pair cannot go one line at a time.
        Assert.Equal(3, shorter.Body.Count);
        var before = Executor.Run([program], [task])[0].Ranked[0];
        var after = Executor.Run([shorter], [task])[0].Ranked[0];
        Assert.True(after.Score.SolvesDemonstrations);
        Assert.Equal(before.Train.Concat(before.Test).Select(o => o.Output), after.Train.Concat(after.Test).Select(o => o.Output));
    }

    [Fact]
    public void A_program_already_minimal_or_failing_is_returned_as_it_is()
    {
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "67a3c6ac.json"));
        var minimal = ProgramParser.ParseFunction("def p_67a3c6ac(I):\n    x1 = vmirror(I)\n    return x1\n");
        Assert.Single(new Compressor(Executor).Compress(minimal, task).Body);
        var failing = ProgramParser.ParseFunction("def q_67a3c6ac(I):\n    x1 = identity(I)\n    x2 = crop(x1, ORIGIN, ZERO)\n    return x2\n");
        Assert.Same(failing, new Compressor(Executor).Compress(failing, task));
    }
}
