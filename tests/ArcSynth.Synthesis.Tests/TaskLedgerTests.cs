using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

public sealed class TaskLedgerTests
{
    [Fact]
    public void A_right_answer_stays_among_the_attempts_below_more_programs_than_the_ledger_keeps_that_share_one_wrong_answer()
    {
        // c59eb873 has one test input. Thirteen programs that get two of three demonstrations right all
        // answer it with one cell wrong (a colour the input has, so the answer keeps the demonstrations'
        // invariants); one that gets one right answers it correctly. The attempts are distinct answers, so
        // the right one is the second attempt, even below more programs than the ledger keeps.
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "c59eb873.json"));
        var expected = task.Test[0].Output!;
        var cells = expected.Cells.ToArray();
        cells[0] = 0;   // its top-left 2 made 0: every colour of the input is still there
        var wrong = new ExampleOutcome(ExampleStatus.Ok, new Grid(expected.Height, expected.Width, cells), null);
        var right = new ExampleOutcome(ExampleStatus.Ok, expected, null);
        ProgramOnTask Program(int k, int exact, ExampleOutcome answer) => new($"p{k}", [], new ProgramScore(exact, 3, 0.5, 4), [], [answer]);
        var programs = Enumerable.Range(0, TaskLedger.Keep + 1).Select(k => Program(k, 2, wrong)).Append(Program(99, 1, right)).ToList();
        var ledger = new TaskLedger();
        // One at a time, as the loop enters stored programs.
        foreach (var p in programs) ledger.Add(new TaskResult(task, [p]), new Dictionary<string, string> { [p.Program] = $"text of {p.Program}" });
        var kept = ledger.For(task.Id)!;
        Assert.Equal(TaskLedger.Keep + 1, kept.Ranked.Count);
        Assert.Equal("p99", kept.Ranked[^1].Program);
        Assert.Equal([wrong.Output!, expected], kept.Predictions(3)[0]);
        Assert.True(kept.Solved(2));
        Assert.False(kept.Solved(1));
    }
}
