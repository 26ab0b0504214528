using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Primitives;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

public sealed class ReplayTests
{
    private static ArcTask Task(string id) => ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, id + ".json"));

    private static (FunctionDef Program, List<ExampleOutcome> Outcomes) Run(string body, ArcTask task)
    {
        var f = ProgramParser.ParseFunction($"def p_{task.Id}(I):\n{body}");
        var compiled = CompiledProgram.Compile(f, PrimitiveRegistry.BuiltIn);
        return (f, task.Train.Select(e => ProgramRunner.Run(compiled, e.Input, Limits.Default)).ToList());
    }

    [Fact]
    public void A_wrong_program_becomes_the_task_its_outputs_define()
    {
        var task = Task("3c9b0459");
        var (program, outcomes) = Run("    O = rot90(I)\n    return O\n", task);
        var entry = Hindsight.Relabel(program, task, outcomes)!;
        Assert.Equal(task.Train.Count, entry.Examples.Count);
        Assert.All(entry.Examples.Zip(task.Train), p =>
        {
            Assert.Equal(p.Second.Input, p.First.Input);
            Assert.Equal(Builtins.Rot90(p.Second.Input), p.First.Output);
        });
        Assert.Equal(0, entry.Priority);
        Assert.Equal(2, entry.Length);
    }

    [Fact]
    public void Priority_is_the_share_of_demonstrations_solved_and_invalid_outputs_are_left_out()
    {
        var task = Task("3c9b0459");
        var (right, rightOutcomes) = Run("    O = rot180(I)\n    return O\n", task);
        Assert.Equal(1, Hindsight.Relabel(right, task, rightOutcomes)!.Priority);
        var (noGrid, noGridOutcomes) = Run("    O = size(I)\n    return O\n", task);
        Assert.Null(Hindsight.Relabel(noGrid, task, noGridOutcomes));
        // Colour 12 is no ARC colour: those outputs are not relabeled.
        var (bad, badOutcomes) = Run("    O = replace(I, TWO, 12)\n    return O\n", task);
        var entry = Hindsight.Relabel(bad, task, badOutcomes);
        Assert.True(entry is null || entry.Examples.All(e => e.Output.IsArcGrid));
    }

    [Fact]
    public void Test_outputs_are_never_read()
    {
        var task = Task("3c9b0459");
        var blind = task with { Test = task.Test.Select(e => e with { Output = null }).ToList() };
        var (program, outcomes) = Run("    O = rot90(I)\n    return O\n", task);
        var a = Hindsight.Relabel(program, task, outcomes)!;
        var b = Hindsight.Relabel(program, blind, outcomes)!;
        Assert.Equal(a.Signature, b.Signature);
        Assert.Equal(a.Priority, b.Priority);
    }

    [Fact]
    public void The_buffer_keeps_the_shortest_program_per_output_signature()
    {
        var task = Task("3c9b0459");
        var buffer = new ReplayBuffer();
        var (longer, o1) = Run("    x1 = rot90(I)\n    O = rot90(x1)\n    return O\n", task);
        var (shorter, o2) = Run("    O = rot180(I)\n    return O\n", task);
        var (other, o3) = Run("    O = hmirror(I)\n    return O\n", task);
        Assert.True(buffer.Add(Hindsight.Relabel(longer, task, o1)!));
        Assert.True(buffer.Add(Hindsight.Relabel(shorter, task, o2)!));
        Assert.False(buffer.Add(Hindsight.Relabel(longer, task, o1)!));
        Assert.True(buffer.Add(Hindsight.Relabel(other, task, o3)!));
        Assert.Equal(2, buffer.Count);
        Assert.Contains("rot180", buffer.Entries[0].Program);
    }

    [Fact]
    public void Sampling_follows_priority_and_is_reproducible()
    {
        var task = Task("3c9b0459");
        var buffer = new ReplayBuffer();
        var (solved, o1) = Run("    O = rot180(I)\n    return O\n", task);
        var (wrong, o2) = Run("    O = hmirror(I)\n    return O\n", task);
        buffer.Add(Hindsight.Relabel(solved, task, o1)!);
        buffer.Add(Hindsight.Relabel(wrong, task, o2)!);
        var draws = buffer.Sample(11_000, new Random(1));
        var share = draws.Count(d => d.Priority == 1) / 11_000.0;
        Assert.InRange(share, 1.1 / 1.2 - 0.02, 1.1 / 1.2 + 0.02);
        Assert.Equal(buffer.Sample(50, new Random(7)).Select(d => d.Signature), buffer.Sample(50, new Random(7)).Select(d => d.Signature));
    }
}
