using System.Diagnostics;
using System.Text.Json.Nodes;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Training;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Synthesis.Phases;

/// <summary>
/// The iteration's training: from its starting checkpoint, on the replay buffer (everything its
/// shards stored, relabeled) mixed with the original data; saved as the next iteration's checkpoint.
/// </summary>
internal sealed class TrainPhase : ILoopPhase
{
    public string Name => LoopPhases.Train;

    public int Steps(RunContext run) => 1;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        await run.CatchUpAsync(2 * iteration + 1, cancellation);
        var clock = Stopwatch.StartNew();
        var (model, loaded) = run.LoadCheckpoint(iteration);
        var optimizer = loaded ?? new AdamW(model.Layout.Size);
        var loss = ModelTraining.Train(run, model, optimizer, run.Settings.TrainSteps, run.Settings.ReplayShare, iteration, cancellation);
        Checkpoint.Save(Path.Combine(run.Checkpoints, $"iteration-{iteration}"), model, run.Vocabulary, optimizer);
        return await run.Store.CompleteStepAsync(run.Step(iteration, Name, 0, new JsonObject { ["loss"] = loss, ["seconds"] = clock.Elapsed.TotalSeconds }), [], [], cancellation);
    }
}
