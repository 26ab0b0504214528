using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Synthesis.Phases;

/// <summary>The updates of pretraining and of each iteration's training.</summary>
internal static class ModelTraining
{
    /// <summary>
    /// Trains for <paramref name="steps"/> updates on batches drawn, for each update, from a random
    /// state fixed by the seed, the iteration (-1: pretraining) and the update: <paramref name="replayShare"/>
    /// of each batch from the buffer by priority, the rest uniformly from the original data. Returns
    /// the mean loss of the last quarter of the updates; null when there were none (0 steps: a run of the search alone).
    /// </summary>
    public static float? Train(RunContext run, Gpt model, AdamW optimizer, int steps, double replayShare, int iteration, CancellationToken cancellation)
    {
        var s = run.Settings;
        var trainer = new Trainer(model, optimizer, new TrainingSettings { BatchSize = s.BatchSize, LearningRate = s.LearningRate },
            new LearningRateSchedule(s.LearningRate, Math.Max(1, steps / 10), steps), origin: optimizer.Step);
        var losses = new List<float>();
        var phase = iteration < 0 ? LoopPhases.Pretrain : LoopPhases.Train;
        for (var step = 0; step < steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var random = new Random(RunContext.Mix(s.Seed, iteration + 1000, step));
            var fromBuffer = run.Buffer.Count == 0 ? 0 : (int)Math.Round(s.BatchSize * replayShare);
            var original = run.Original(cancellation);
            var examples = run.Buffer.Sample(fromBuffer, random)
                .Select(e => new TrainingExample(e.Examples, ProgramParser.ParseFunction(e.Program, "<replay>")))
                .Concat(Enumerable.Range(0, s.BatchSize - fromBuffer).Select(_ => original[random.Next(original.Count)]));
            // Infilling: a share of the sequences teach writing one masked line, drawn apart so that without it every batch is as it was.
            var infill = new Random(RunContext.Mix(s.Seed, iteration + 3000, step));
            var batch = examples.Select(e => s.InfillShare > 0 && e.Program.Body.Count > 0 && infill.NextDouble() < s.InfillShare
                    ? run.Sequences.Infill(e.Demonstrations, e.Program, infill.Next(e.Program.Body.Count))
                    : run.Sequences.Sequence(e.Demonstrations, e.Program))
                .OfType<TrainingSequence>().ToList();
            if (batch.Count == 0) continue;
            var (loss, _) = trainer.Step(batch);
            losses.Add(loss);
            run.Report(Math.Max(0, iteration), phase, step + 1, steps, $"loss {loss:F3}");
        }
        var tail = losses.Skip(losses.Count * 3 / 4).ToList();
        return tail.Count == 0 ? null : tail.Average();
    }
}
