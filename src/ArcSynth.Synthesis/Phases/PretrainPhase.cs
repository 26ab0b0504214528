using System.Diagnostics;
using System.Text.Json.Nodes;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Synthesis.Phases;

/// <summary>Before iteration 0 (recorded as its step): a fresh model trained on the original data alone, saved as iteration 0's checkpoint.</summary>
internal sealed class PretrainPhase : ILoopPhase
{
    public string Name => LoopPhases.Pretrain;

    public int Steps(RunContext run) => 1;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        var s = run.Settings;
        var clock = Stopwatch.StartNew();
        var model = Gpt.Create(new ModelConfig { VocabSize = run.Vocabulary.Count, ContextLength = s.ContextLength, Embedding = s.Embedding, Layers = s.Layers, Heads = s.Heads }, s.Seed);
        var optimizer = new AdamW(model.Layout.Size);
        var loss = ModelTraining.Train(run, model, optimizer, s.PretrainSteps, replayShare: 0, -1, cancellation);
        Checkpoint.Save(Path.Combine(run.Checkpoints, LoopPhases.Pretrain), model, run.Vocabulary, optimizer);
        return await run.Store.CompleteStepAsync(run.Step(0, Name, 0, new JsonObject { ["loss"] = loss, ["seconds"] = clock.Elapsed.TotalSeconds }), [], [], cancellation);
    }
}
