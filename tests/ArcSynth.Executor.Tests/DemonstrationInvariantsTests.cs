using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Executor.Tests;

public sealed class DemonstrationInvariantsTests
{
    private static ArcTask Task(string id) => ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, id + ".json"));

    [Theory]
    [InlineData("training")]
    [InlineData("evaluation")]
    public void Every_right_answer_of_ARC_AGI_1_keeps_its_tasks_invariants(string split)
    {
        // The rules are only worth their place if right answers never break them: every test output of the 800 tasks.
        var folder = ArcData.Folder("arc-agi-1", split);
        var broken = Directory.GetFiles(folder, "*.json").Select(ArcTaskLoader.LoadFile)
            .Where(t => t.Test.Any(e => e.Output is { } o && !new DemonstrationInvariants(t).Admits(e.Input, o)))
            .Select(t => t.Id).ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public void Each_rule_refuses_an_answer_that_breaks_it()
    {
        // 67a3c6ac (a mirror): each output has its input's shape and colours, and differs from it.
        var task = Task("67a3c6ac");
        var invariants = new DemonstrationInvariants(task);
        var input = task.Test[0].Input;
        var mirrored = new Grid(input.Height, input.Width, [.. Enumerable.Range(0, input.Height).SelectMany(i => input.Row(i).ToArray().Reverse())]);
        Assert.True(invariants.Admits(input, mirrored));
        Assert.False(invariants.Admits(input, input));                                                                     // unchanged
        Assert.False(invariants.Admits(input, new Grid(1, input.Width, input.Row(0).ToArray())));                          // another shape
        Assert.False(invariants.Admits(input, new Grid(input.Height, input.Width, [.. mirrored.Cells.ToArray().Select(c => c == 1 ? 5 : c)]))); // a new colour
        Assert.False(invariants.Admits(input, new Grid(input.Height, input.Width, [.. mirrored.Cells.ToArray().Select(c => c == 1 ? 2 : c)]))); // a colour lost
    }

    [Fact]
    public void An_answer_may_add_only_the_colours_some_demonstration_added()
    {
        // a699fb00: every output adds red (2) between pairs of blue cells; one colour, and it is the only new one.
        var task = Task("a699fb00");
        var invariants = new DemonstrationInvariants(task);
        var input = task.Test[0].Input;
        Assert.True(invariants.Admits(input, task.Test[0].Output!));
        Assert.False(invariants.Admits(input, new Grid(input.Height, input.Width, [.. task.Test[0].Output!.Cells.ToArray().Select(c => c == 2 ? 3 : c)])));
    }

    [Fact]
    public void A_task_without_demonstrations_admits_any_answer()
    {
        var task = new ArcTask("none", [], [new ArcExample(new Grid(1, 1, [3]), null)], "test");
        Assert.True(new DemonstrationInvariants(task).Admits(task.Test[0].Input, task.Test[0].Input));
    }
}
