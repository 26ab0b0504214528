using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Synthesis.Tests;

public sealed class LoopTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-loop-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(IReadOnlyList<IterationRecord> Iterations, IReadOnlyList<ProgramRecord> Programs, IReadOnlyList<StepRecord> Steps, long Run)> RunAsync(string home, LoopSettings settings)
    {
        await using var store = await TinyLoop.OpenAsync(home);
        var run = await store.CreateRunAsync("test", settings.ToJson(), "builtin");
        await new CodeItLoop(store, home, PrimitiveRegistry.BuiltIn).RunAsync(run);
        return (await store.IterationsAsync(run), await store.ProgramsAsync(run), await store.StepsAsync(run), run);
    }

    [Fact]
    public async Task A_step_with_fewer_primitives_than_the_run_was_trained_with_says_where_they_come_from()
    {
        var home = Path.Combine(_folder, "home");
        await using var store = await TinyLoop.OpenAsync(home);
        var run = await store.CreateRunAsync("test", TinyLoop.Settings().ToJson(), "builtin");
        // Pretrained with a contributed primitive (as from the repository's dsl/contrib), then run from elsewhere without it.
        var contributed = PrimitiveRegistry.BuiltIn.With(PrimitiveRegistry.FromType(typeof(TwicePrimitive)));
        await new CodeItLoop(store, home, contributed).RunStepAsync(run, 0, LoopPhases.Pretrain, 0);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => new CodeItLoop(store, home, PrimitiveRegistry.BuiltIn).RunStepAsync(run, 0, LoopPhases.Sample, 0));
        Assert.Contains("primitives the run was trained with are missing. dsl/contrib is read from the working directory", thrown.Message);
        Assert.DoesNotContain(await store.StepsAsync(run), s => s.Phase == LoopPhases.Sample);
    }

    [Fact]
    public async Task A_step_on_a_node_without_the_runs_checkpoint_says_that_nodes_share_one_home()
    {
        var home = Path.Combine(_folder, "home");
        await using var store = await TinyLoop.OpenAsync(home);
        var run = await store.CreateRunAsync("test", TinyLoop.Settings().ToJson(), "builtin");
        // Pretraining ran on another node, with a home folder of its own: this node's home has no checkpoint.
        var loop = new CodeItLoop(store, home, PrimitiveRegistry.BuiltIn) { Node = "node-b" };
        var thrown = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => loop.RunStepAsync(run, 0, LoopPhases.Sample, 0));
        Assert.Contains($"run {run}: checkpoint {Path.Combine(home, "runs", run.ToString(), "checkpoints", "pretrain")} is not on node node-b; every node of a cluster must share one home folder", thrown.Message);
        Assert.Empty(await store.StepsAsync(run));
    }

    [Fact]
    public async Task A_small_run_completes_every_step_and_records_what_it_sampled()
    {
        var home = Path.Combine(_folder, "home");
        var (iterations, programs, steps, run) = await RunAsync(home, TinyLoop.Settings());

        Assert.Equal([0, 1], iterations.Select(i => i.Iteration));
        Assert.All(iterations, i =>
        {
            Assert.Equal(4, i.Tasks);
            Assert.Equal(4 * 6, i.Samples);
            Assert.InRange(i.ValidShare, 0.0, 1.0);
            Assert.True(i.TrainLoss > 0);
            Assert.Contains("sample", i.PhaseSeconds.Keys);
        });
        // The targets are the first 4 training tasks the seeds are not written for: 00d62c1b (enclosed_00d62c1b) is left out.
        Assert.Equal(["007bbfb7", "017c7c7b", "025d127b", "045e512c"], programs.Select(p => p.TaskId).Distinct().Order(StringComparer.Ordinal));
        // The buffer only grows, and holds at most one entry per valid stored program.
        Assert.True(iterations[1].BufferSize >= iterations[0].BufferSize);
        Assert.True(iterations[1].BufferSize <= programs.Count(p => p.InBuffer));
        // One pretraining step, two shards of two tasks, train, the forgetting probe, compress and record per iteration.
        Assert.Equal(1 + 2 * (2 + 4), steps.Count);
        // The probe sampled the first 3 tasks the seeds are written for, after each iteration's training.
        Assert.All(iterations, i => Assert.InRange(i.OriginalSolved ?? -1, 0, 3));
        Assert.Equal(2, steps.Count(x => x.Phase == LoopPhases.Recall && x.StateJson.Contains("\"original_tasks\":3")));
        Assert.All(programs.Where(p => p.Source is "sample" or "search"), p =>
            Assert.Empty(TypeChecker.Check(ProgramParser.ParseFunction(p.Text), PrimitiveRegistry.BuiltIn)));
        // Iteration 1's searches had in their pool the program of every task solved on its demonstrations in iteration 0.
        Assert.All(steps.Where(x => x.Phase == LoopPhases.Sample), x =>
            Assert.Contains($"\"library\":{(x.Iteration == 0 ? 0 : iterations[0].SolvedDemonstrations)},", x.StateJson));
        // The guided search ran in every iteration, and what it found was relabeled like the samples.
        Assert.All(iterations, i => Assert.Contains(programs, p => p.Source == "search" && p.Iteration == i.Iteration && p.InBuffer));
        Assert.All(iterations, i => Assert.InRange(i.SolvedBySample + i.SolvedAfterSearch, 0, i.Tasks));
        Assert.All(programs.Where(p => p.Source == "search"), p => Assert.Contains("[[", p.OutputsJson));
        Assert.All(programs.Where(p => p.InBuffer), p => Assert.Contains("[[", p.OutputsJson));
        Assert.True(File.Exists(Path.Combine(HomeFolder.Checkpoints(home, run), "iteration-1", "model.safetensors")));

        await using var store = await TinyLoop.OpenAsync(home);
        Assert.Equal(RunStatus.Completed, (await store.GetRunAsync(run))!.Status);
    }

    [Fact]
    public async Task A_run_of_the_search_alone_makes_no_update_and_records_what_the_search_found()
    {
        var settings = TinyLoop.Settings() with { SamplesPerTask = 0, PretrainSteps = 0, TrainSteps = 0, RecallSamples = 0, AdaptSteps = 0, OriginalMutations = 0 };
        var (iterations, programs, steps, _) = await RunAsync(Path.Combine(_folder, "search"), settings);

        Assert.Equal([0, 1], iterations.Select(i => i.Iteration));
        // No training: no loss was measured (recorded as 0, printed as '-'), and no step stored one.
        Assert.All(iterations, i => Assert.Equal((0, 0.0, 0), (i.Samples, i.TrainLoss, i.SolvedBySample)));
        Assert.All(steps.Where(x => x.Phase is LoopPhases.Pretrain or LoopPhases.Train), x => Assert.Contains("\"loss\":null", x.StateJson));
        Assert.All(programs, p => Assert.Equal("search", p.Source));
        Assert.All(iterations, i => Assert.Contains(programs, p => p.Iteration == i.Iteration && p.InBuffer));
    }

    [Fact]
    public async Task Each_unsolved_task_is_sampled_from_a_copy_adapted_to_its_own_hindsight_data()
    {
        var adapted = await RunAsync(Path.Combine(_folder, "adapted"), TinyLoop.Settings());
        var plain = await RunAsync(Path.Combine(_folder, "plain"), TinyLoop.Settings() with { AdaptSteps = 0 });
        int Adapted(StepRecord x) => System.Text.Json.Nodes.JsonNode.Parse(x.StateJson)!["adapted"]!.GetValue<int>();
        IEnumerable<(string, string)> Sampled(IEnumerable<ProgramRecord> programs, int iteration) =>
            programs.Where(p => p.Iteration == iteration && p.Source == "sample").Select(p => (p.TaskId, p.Text));

        // Iteration 0 has no hindsight data yet: nothing is adapted, and the samples are the same as without adaptation.
        Assert.All(adapted.Steps.Where(x => x.Phase == LoopPhases.Sample && x.Iteration == 0), x => Assert.Equal(0, Adapted(x)));
        Assert.Equal(Sampled(plain.Programs, 0), Sampled(adapted.Programs, 0));
        // Iteration 1 adapts every task not solved on its demonstrations in iteration 0 (the enumeration solves 007bbfb7), and samples differently.
        var unsolved = 4 - adapted.Iterations.Single(i => i.Iteration == 0).SolvedDemonstrations;
        Assert.InRange(unsolved, 1, 4);
        Assert.Equal(unsolved, adapted.Steps.Where(x => x.Phase == LoopPhases.Sample && x.Iteration == 1).Sum(Adapted));
        Assert.All(plain.Steps.Where(x => x.Phase == LoopPhases.Sample), x => Assert.Equal(0, Adapted(x)));
        Assert.NotEqual(Sampled(plain.Programs, 1), Sampled(adapted.Programs, 1));
        // Every adapted sample is still a program of the DSL that type-checks.
        Assert.All(adapted.Programs.Where(p => p.Iteration == 1 && p.Source == "sample"), p =>
            Assert.Empty(TypeChecker.Check(ProgramParser.ParseFunction(p.Text), PrimitiveRegistry.BuiltIn)));
    }

    [Fact]
    public async Task The_model_learns_to_fill_a_masked_line_and_the_search_runs_the_lines_it_writes()
    {
        var infilling = await RunAsync(Path.Combine(_folder, "infilling"), TinyLoop.Settings());
        var plain = await RunAsync(Path.Combine(_folder, "plain"), TinyLoop.Settings() with { InfillShare = 0, InfillLines = 0 });
        int Infilled(StepRecord x) => System.Text.Json.Nodes.JsonNode.Parse(x.StateJson)!["infilled"]!.GetValue<int>();

        // Every iteration's search ran candidates whose changed line the model wrote; without infilling, none.
        foreach (var i in infilling.Iterations)
            Assert.True(infilling.Steps.Where(x => x.Phase == LoopPhases.Sample && x.Iteration == i.Iteration).Sum(Infilled) > 0, $"iteration {i.Iteration} infilled nothing");
        Assert.All(plain.Steps.Where(x => x.Phase == LoopPhases.Sample), x => Assert.Equal(0, Infilled(x)));
        // The model trained on masked lines too: pretraining's loss is not the whole programs' alone.
        Assert.NotEqual(Loss(plain.Steps, LoopPhases.Pretrain), Loss(infilling.Steps, LoopPhases.Pretrain));
        // What the search kept, infilled lines among it, still parses and type-checks.
        Assert.All(infilling.Programs.Where(p => p.Source == "search"), p =>
            Assert.Empty(TypeChecker.Check(ProgramParser.ParseFunction(p.Text), PrimitiveRegistry.BuiltIn)));

        static string Loss(IReadOnlyList<StepRecord> steps, string phase) =>
            System.Text.Json.Nodes.JsonNode.Parse(steps.Single(x => x.Phase == phase).StateJson)!["loss"]!.ToJsonString();
    }

    [Fact]
    public async Task Evaluation_test_outputs_are_never_read_before_scoring()
    {
        // The same four tasks twice: as they are, and with every test output removed.
        var intact = Directory.CreateDirectory(Path.Combine(_folder, "intact")).FullName;
        var withheld = Directory.CreateDirectory(Path.Combine(_folder, "withheld")).FullName;
        foreach (var file in Directory.GetFiles(TestData.Training, "*.json").Order(StringComparer.Ordinal).Take(4))
        {
            File.Copy(file, Path.Combine(intact, Path.GetFileName(file)));
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var test in json["test"]!.AsArray()) test!.AsObject().Remove("output");
            File.WriteAllText(Path.Combine(withheld, Path.GetFileName(file)), json.ToJsonString());
        }
        var a = await RunAsync(Path.Combine(_folder, "a"), TinyLoop.Settings(intact));
        var b = await RunAsync(Path.Combine(_folder, "b"), TinyLoop.Settings(withheld));

        // Everything the loop did is identical: the test outputs changed nothing but their own scoring.
        Assert.Equal(a.Programs.Select(p => (p.TaskId, p.Text, p.Exact, p.MeanDistance)), b.Programs.Select(p => (p.TaskId, p.Text, p.Exact, p.MeanDistance)));
        Assert.Equal(a.Iterations.Select(i => (i.Samples, i.ValidShare, i.BufferSize, i.TrainLoss, i.SolvedDemonstrations, i.SolvedBySample, i.SolvedAfterSearch)),
            b.Iterations.Select(i => (i.Samples, i.ValidShare, i.BufferSize, i.TrainLoss, i.SolvedDemonstrations, i.SolvedBySample, i.SolvedAfterSearch)));
        Assert.Contains(a.Programs, p => p.Source == "search");
        Assert.All(b.Iterations, i => Assert.Equal(0, i.SolvedTest));
        await using var store = await TinyLoop.OpenAsync(Path.Combine(_folder, "b"));
        Assert.All(await store.TaskResultsAsync(b.Run), r => Assert.Null(r.SolvedTest));
    }
}
