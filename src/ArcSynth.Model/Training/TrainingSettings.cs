namespace ArcSynth.Model.Training;

/// <summary>How a model is trained; the defaults suit the default 1M-parameter model on 2 cores.</summary>
public sealed record TrainingSettings
{
    /// <summary>Sequences per update (gradients summed over them).</summary>
    public int BatchSize { get; init; } = 16;
    public float LearningRate { get; init; } = 1e-3f;
    public int WarmupSteps { get; init; } = 20;
    public float MinLearningRateRatio { get; init; } = 0.1f;
    public float WeightDecay { get; init; } = 0.1f;
    /// <summary>The global gradient norm is clipped to this.</summary>
    public float ClipNorm { get; init; } = 1f;
}
