namespace ArcSynth.Model.Sampling;

/// <summary>
/// A prompt run through the model once (<see cref="Generator.Prefill"/>): its length, the packed q, k, v
/// of every layer, and the last position's final hidden state, from which samplings start.
/// </summary>
public sealed class PromptCache(int length, float[][] keysAndValues, float[] lastHidden)
{
    public int Length { get; } = length;

    internal float[][] KeysAndValues { get; } = keysAndValues;

    internal float[] LastHidden { get; } = lastHidden;
}
