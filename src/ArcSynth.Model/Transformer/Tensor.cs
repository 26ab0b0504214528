namespace ArcSynth.Model.Transformer;

/// <summary>A named stretch of one big float array: a parameter tensor inside the model's single parameter (or gradient, or optimizer moment) buffer.</summary>
public readonly record struct Tensor(float[] Data, int Offset, int Length)
{
    public Span<float> Span => Data.AsSpan(Offset, Length);

    /// <summary>The same tensor's place in another buffer of the same layout (e.g. its gradient).</summary>
    public Tensor In(float[] other) => new(other, Offset, Length);
}
