namespace ArcSynth.Model.Sampling;

/// <summary>How programs are drawn: softmax temperature, nucleus (top-p) mass, and a cap on tokens per program.</summary>
public sealed record SamplingSettings
{
    public float Temperature { get; init; } = 0.8f;
    public float TopP { get; init; } = 0.95f;
    public int MaxTokens { get; init; } = 192;
}
