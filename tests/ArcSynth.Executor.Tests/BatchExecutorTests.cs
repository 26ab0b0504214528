using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Executor.Tests;

public sealed class BatchExecutorTests
{
    private static ArcTask Task(string id) => ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, id + ".json"));

    private static IReadOnlyList<FunctionDef> Programs(string text) => ProgramParser.Parse(text, "t.py").Functions;

    private const string Candidates = """
        def right_a(I):
            O = rot180(I)
            return O

        def renamed_b(I):
            x9 = rot180(I)
            return x9

        def close_c(I):
            O = rot90(I)
            return O

        def longer_d(I):
            x1 = rot90(I)
            x2 = rot90(x1)
            return x2

        def failing_e(I):
            x1 = ofcolor(I, NINE)
            O = first(x1)
            return O
        """;

    [Fact]
    public void Ranks_programs_on_a_real_task_and_runs_identical_ones_once()
    {
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 2);
        var result = Assert.Single(executor.Run(Programs(Candidates), [Task("3c9b0459")]));
        Assert.Equal(["right_a", "longer_d", "close_c", "failing_e"], result.Ranked.Select(r => r.Program));
        Assert.Equal(["renamed_b"], result.Ranked[0].Aliases);
        Assert.True(result.Ranked[0].Score.SolvesDemonstrations);
        Assert.Equal(4, result.Ranked[0].Score.Pairs);
        Assert.Equal(ExampleStatus.Error, result.Ranked[3].Train[0].Status);
        Assert.Equal(1.0, result.Ranked[3].Score.MeanDistance);
        Assert.Equal(4 * 5, executor.Executions);
    }

    [Fact]
    public void Outcomes_are_cached_by_program_and_input()
    {
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 1);
        var tasks = new[] { Task("3c9b0459") };
        executor.Run(Programs(Candidates), tasks);
        var before = executor.Executions;
        executor.Run(Programs("def again_x(I):\n    v = rot180(I)\n    return v\n"), tasks);
        Assert.Equal(before, executor.Executions);
    }

    [Fact]
    public void The_ARC_score_counts_a_task_when_every_test_output_is_among_the_attempts()
    {
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 2);
        var results = executor.Run(Programs(Candidates), [Task("3c9b0459"), Task("6150a2bd"), Task("67a3c6ac")]);
        Assert.True(results[0].Solved(attempts: 1));
        Assert.True(results[1].Solved(attempts: 1));
        Assert.False(results[2].Solved(attempts: 3));
    }

    [Fact]
    public void Attempts_are_the_distinct_outputs_of_the_best_programs()
    {
        // 67a3c6ac is solved by vmirror, which no candidate is; its attempts are the top distinct outputs.
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 2);
        var result = Assert.Single(executor.Run(Programs(Candidates + "\ndef mirror_f(I):\n    O = vmirror(I)\n    return O\n"), [Task("67a3c6ac")]));
        Assert.Equal("mirror_f", result.Ranked[0].Program);
        var attempts = result.Predictions(2)[0];
        Assert.Equal(2, attempts.Count);
        Assert.NotEqual(attempts[0], attempts[1]);
        Assert.True(result.Solved(1));
    }

    [Fact]
    public void What_the_attempts_need_is_each_item_that_gives_a_test_input_a_new_one_of_its_first_answers()
    {
        // Two test inputs; answers by rank: input 0 gets a, a, b, a, c, d and input 1 gets x, y, y, null, z, w.
        string?[][] answers = [["a", "x"], ["a", "y"], ["b", "y"], ["a", null], ["c", "z"], ["d", "w"]];
        var grids = new Dictionary<string, Grid>();
        Grid? Of(string? name) => name is null ? null : grids.TryGetValue(name, out var g) ? g : grids[name] = new Grid(1, 1, [grids.Count]);
        // A task without demonstrations: no invariant to keep, so the answers come in rank order alone.
        var task = new ArcTask("two-inputs", [], [new ArcExample(new Grid(1, 1, [9]), null), new ArcExample(new Grid(1, 1, [9]), null)], "test");
        var kept = TaskResult.Answering(task, Enumerable.Range(0, answers.Length).ToList(), 3, (i, k) => Of(answers[i][k]), _ => new ProgramScore(1, 1, 0, 3)).ToList();
        // Input 0: items 0 (a), 2 (b), 4 (c); input 1: items 0 (x), 1 (y), 4 (z). Item 5 gives only fourth answers.
        Assert.Equal([0, 2, 4, 0, 1, 4], kept);
    }

    [Fact]
    public void The_attempts_take_answers_that_keep_the_demonstrations_invariants_before_better_ranked_ones_that_break_them()
    {
        // 67a3c6ac (a mirror): every demonstration's output has its input's shape and colours and differs from it.
        var task = Task("67a3c6ac");
        var input = task.Test[0].Input;
        var unchanged = input;
        var newColour = new Grid(input.Height, input.Width, [.. input.Cells.ToArray().Select(c => c == 1 ? 5 : c)]);
        var mirrored = new Grid(input.Height, input.Width, [.. Enumerable.Range(0, input.Height).SelectMany(i => input.Row(i).ToArray().Reverse())]);
        var flat = new Grid(input.Height, input.Width, [.. input.Cells.ToArray().Select(_ => 6)]);
        ProgramOnTask Answer(string name, Grid answer, int exact) =>
            new(name, [], new ProgramScore(exact, 3, 0.1, 2), [], [new ExampleOutcome(ExampleStatus.Ok, answer, null)]);
        var result = new TaskResult(task, [Answer("unchanged", unchanged, 3), Answer("new_colour", newColour, 3), Answer("flat", flat, 2), Answer("mirror", mirrored, 1)]);
        // The mirror ranks last and its answer is the only one that keeps them all: it comes first; the rest follow in rank order.
        Assert.Equal([mirrored, unchanged, newColour], result.Predictions(3)[0]);
        Assert.True(result.Solved(1));
        Assert.Equal(["mirror", "unchanged", "new_colour"], TaskResult.Answering(task, result.Ranked, 3, (p, k) => p.Test[k].Output, p => p.Score).Select(p => p.Program));
    }

    [Fact]
    public void The_attempts_take_turns_between_the_ranking_and_fit_so_a_short_program_that_misses_a_demonstration_gets_the_second()
    {
        // 67a3c6ac: two long programs right on all three demonstrations answer upside down and turned half round
        // (plausible grids, both wrong); a 2-line one right on two answers with the mirror. The ranking puts the long
        // ones first; fit (0.02 a line) the short one: the attempts take the ranking's first, then fit's, then the ranking's next.
        var task = Task("67a3c6ac");
        var input = task.Test[0].Input;
        var upsideDown = new Grid(input.Height, input.Width, [.. Enumerable.Range(0, input.Height).Reverse().SelectMany(i => input.Row(i).ToArray())]);
        var halfTurn = new Grid(input.Height, input.Width, [.. input.Cells.ToArray().Reverse()]);
        var mirrored = new Grid(input.Height, input.Width, [.. Enumerable.Range(0, input.Height).SelectMany(i => input.Row(i).ToArray().Reverse())]);
        ProgramOnTask Answer(string name, Grid answer, int exact, int length) =>
            new(name, [], new ProgramScore(exact, 3, 0, length), [], [new ExampleOutcome(ExampleStatus.Ok, answer, null)]);
        var result = new TaskResult(task, [Answer("long", upsideDown, 3, 20), Answer("longer", halfTurn, 3, 21), Answer("short", mirrored, 2, 2)]);
        Assert.Equal([upsideDown, mirrored, halfTurn], result.Predictions(3)[0]);
        Assert.False(result.Solved(1));
        Assert.True(result.Solved(2));
        Assert.Equal(["long", "short", "longer"], TaskResult.Answering(task, result.Ranked, 3, (p, k) => p.Test[k].Output, p => p.Score).Select(p => p.Program));
    }

    [Fact]
    public void Identical_programs_named_for_different_tasks_each_run_on_their_own_task()
    {
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 2);
        var tasks = new[] { Task("3c9b0459"), Task("6150a2bd") }.ToDictionary(t => t.Id);
        var results = executor.RunOnOwnTasks(Programs("def a_3c9b0459(I):\n    O = rot180(I)\n    return O\n\ndef b_6150a2bd(I):\n    x = rot180(I)\n    return x\n"), tasks);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Solved(1), r.Task.Id));
        Assert.All(results, r => Assert.Empty(Assert.Single(r.Ranked).Aliases));
    }

    [Fact]
    public void A_program_that_does_not_check_is_an_error_on_every_example()
    {
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 1);
        var result = Assert.Single(executor.Run(Programs("def bad_x(I):\n    O = rot90(I, I)\n    return O\n"), [Task("3c9b0459")]));
        Assert.All(result.Ranked[0].Train, o => Assert.Contains("rot90 takes 1 argument", o.Error));
    }

    private const string SharingStarts = """
        def paint_a(I):
            x1 = objects(I, T, F, F)
            x2 = argmax(x1, size)
            x3 = rot180(I)
            O = fill(x3, ONE, x2)
            return O

        def cover_b(I):
            y1 = objects(I, T, F, F)
            y2 = argmax(y1, size)
            y3 = rot180(I)
            O = cover(y3, y2)
            return O

        def missing_c(I):
            z1 = objects(I, T, F, F)
            z2 = argmax(z1, size)
            z3 = ofcolor(I, TEN)
            O = first(z3)
            return O

        def missing_d(I):
            w1 = objects(I, T, F, F)
            w2 = argmax(w1, size)
            w3 = ofcolor(I, TEN)
            w4 = first(w3)
            O = fill(I, w4, w1)
            return O
        """;

    [Fact]
    public void Programs_that_begin_alike_share_their_first_lines_and_give_what_each_gives_alone()
    {
        var task = Task("3c9b0459");
        var programs = Programs(SharingStarts);
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads: 1, cacheCapacity: 0);
        var result = Assert.Single(executor.Run(programs, [task]));
        var examples = task.Train.Count + task.Test.Count;
        // paint_a computes its lines; cover_b takes 3 of them, missing_c 2, and missing_d the 3 of
        // missing_c's that ran before its last line failed; each on every example.
        Assert.Equal((3 + 2 + 3) * examples, executor.LinesReused);
        foreach (var program in programs)
        {
            var compiled = ArcSynth.Dsl.Language.Execution.CompiledProgram.Compile(program, PrimitiveRegistry.BuiltIn);
            var shared = result.Ranked.Single(r => r.Program == program.Name);
            var inputs = task.Train.Concat(task.Test).Select(e => e.Input).ToList();
            var outcomes = shared.Train.Concat(shared.Test).ToList();
            for (var k = 0; k < inputs.Count; k++)
            {
                var alone = ProgramRunner.Run(compiled, inputs[k], Limits.Default);
                Assert.Equal(alone.Status, outcomes[k].Status);
                Assert.Equal(alone.Output, outcomes[k].Output);
                Assert.Equal(alone.Error, outcomes[k].Error);
            }
        }
        Assert.Equal(ExampleStatus.Ok, result.Ranked.Single(r => r.Program == "cover_b").Train[0].Status);
        Assert.Equal(ExampleStatus.Error, result.Ranked.Single(r => r.Program == "missing_d").Train[0].Status);
    }

    [Fact]
    public void Sharing_on_two_threads_gives_the_same_outcomes_as_on_one()
    {
        var tasks = new[] { Task("3c9b0459"), Task("6150a2bd") };
        var programs = Programs(SharingStarts + "\n" + Candidates);
        string Outcomes(int threads) => string.Join("\n",
            new BatchExecutor(PrimitiveRegistry.BuiltIn, Limits.Default, threads, cacheCapacity: 0).Run(programs, tasks)
                .SelectMany(r => r.Ranked.Select(p => $"{r.Task.Id} {p.Program} {p.Score} {string.Join(",", p.Train.Concat(p.Test).Select(o => $"{o.Status}:{o.Output}"))}")));
        Assert.Equal(Outcomes(1), Outcomes(2));
    }
}
