using System.Numerics.Tensors;

namespace ArcSynth.Model.Transformer.Layers;

/// <summary>
/// Softmax cross-entropy of the next token, at the positions whose targets are trained (the program
/// tokens; the task tokens only condition). Only those rows' logits are ever computed.
/// </summary>
public static class CrossEntropy
{
    /// <summary>Turns each row of logits into probabilities in place and returns the summed loss.</summary>
    public static float Forward(float[] logits, ReadOnlySpan<int> targets, int v)
    {
        var loss = 0.0;
        for (var r = 0; r < targets.Length; r++)
        {
            var row = logits.AsSpan(r * v, v);
            Softmax.InPlace(row);
            loss -= Math.Log(Math.Max(row[targets[r]], 1e-30f));
        }
        return (float)loss;
    }

    /// <summary>dL/dlogits = (p - onehot) · <paramref name="weight"/>, written over the probabilities.</summary>
    public static void Backward(float[] probabilities, ReadOnlySpan<int> targets, int v, float weight)
    {
        for (var r = 0; r < targets.Length; r++)
        {
            var row = probabilities.AsSpan(r * v, v);
            row[targets[r]] -= 1f;
            TensorPrimitives.Multiply(row, weight, row);
        }
    }
}
