using System.Numerics.Tensors;

namespace ArcSynth.Model.Transformer.Layers;

/// <summary>Softmax that subtracts the maximum first, so large logits do not overflow to infinity.</summary>
public static class Softmax
{
    public static void InPlace(Span<float> x)
    {
        var max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, x);
        TensorPrimitives.Exp(x, x);
        TensorPrimitives.Divide(x, TensorPrimitives.Sum(x), x);
    }
}
