using System.Diagnostics;
using System.Text.Json.Nodes;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Synthesis.Phases;

/// <summary>
/// The forgetting probe, after the iteration's training: the trained model samples programs for the
/// first tasks the seeds are written for (the original data's own tasks), and the iteration records
/// how many of them it still solves on their demonstrations. Training on the replay buffer must not
/// buy the targets at the price of what the model knew; this is where that would show.
/// </summary>
internal sealed class RecallPhase : ILoopPhase
{
    /// <summary>Moves the probe's sampling seeds far from the target tasks' (their index in the run).</summary>
    private const int SeedOffset = 1_000_000;

    public string Name => LoopPhases.Recall;

    public int Steps(RunContext run) => run.Settings.RecallSamples > 0 ? 1 : 0;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        var s = run.Settings;
        var clock = Stopwatch.StartNew();
        var tasks = run.SeedTasks.Where(t => run.SeededTasks.Contains(t.Id) && t.Train.All(e => e.Output is not null))
            .OrderBy(t => t.Id, StringComparer.Ordinal).Take(s.RecallTasks).ToList();
        var (model, _) = run.LoadCheckpoint(iteration + 1);
        var (programs, _) = ModelSampling.Sample(run, model, tasks, s.RecallSamples, iteration, 0, Name, tasks.Count, cancellation, SeedOffset);
        var solved = run.Executor.RunOnOwnTasks(programs, tasks.ToDictionary(t => t.Id, StringComparer.Ordinal), cancellation)
            .Count(r => r.Ranked.Any(p => p.Score.SolvesDemonstrations));
        run.Report(iteration, Name, 1, 1, $"the model still solves {solved} of {tasks.Count} original tasks");
        var figures = new JsonObject { ["original_solved"] = solved, ["original_tasks"] = tasks.Count, ["seconds"] = clock.Elapsed.TotalSeconds };
        return await run.Store.CompleteStepAsync(run.Step(iteration, Name, 0, figures), [], [], cancellation);
    }
}
