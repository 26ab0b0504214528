using ArcSynth.Model.Transformer;

namespace ArcSynth.Model.Training;

/// <summary>
/// Updates a model on batches of sequences: summed gradients (one sequence at a time, no padding),
/// mean loss over the scored tokens, global-norm clipping, AdamW on the schedule's rate. Everything
/// it depends on is in the model, the optimizer and <see cref="AdamW.Step"/>, which a checkpoint
/// saves, so training resumes exactly. The schedule counts from <paramref name="origin"/>: a later
/// training phase that continues an optimizer warms up and decays again over its own steps.
/// </summary>
public sealed class Trainer(Gpt model, AdamW optimizer, TrainingSettings settings, LearningRateSchedule schedule, int origin = 0)
{
    public Gpt Model => model;
    public AdamW Optimizer => optimizer;
    public TrainingSettings Settings => settings;

    /// <summary>One update; returns the mean loss per scored token and the gradient norm before clipping.</summary>
    public (float Loss, float GradientNorm) Step(IReadOnlyList<TrainingSequence> batch)
    {
        var scored = batch.Sum(s => s.Targets);
        if (scored == 0) throw new ArgumentException("a batch with no scored tokens");
        Array.Clear(model.Gradients);
        var loss = 0.0;
        foreach (var s in batch)
        {
            loss += model.Forward(s.Tokens, s.FirstTarget);
            model.Backward(1f / scored);
        }
        var norm = GlobalNorm(model.Gradients);
        if (norm > settings.ClipNorm) System.Numerics.Tensors.TensorPrimitives.Multiply(model.Gradients, settings.ClipNorm / norm, model.Gradients);
        optimizer.Update(model.Parameters, model.Gradients, model.Layout, schedule.At(optimizer.Step - origin), settings.WeightDecay);
        return ((float)(loss / scored), norm);
    }

    /// <summary>The mean loss per scored token of <paramref name="sequences"/>, without updating.</summary>
    public float Evaluate(IReadOnlyList<TrainingSequence> sequences)
    {
        var loss = 0.0;
        var scored = 0;
        foreach (var s in sequences)
        {
            loss += model.Forward(s.Tokens, s.FirstTarget);
            scored += s.Targets;
        }
        return scored == 0 ? 0f : (float)(loss / scored);
    }

    private static float GlobalNorm(float[] g)
    {
        var sum = 0.0;
        foreach (var x in g) sum += (double)x * x;
        return (float)Math.Sqrt(sum);
    }
}
