namespace ArcSynth.Model.Transformer.Layers;

/// <summary>Token plus position embeddings: x[t] = wte[token_t] + wpe[t].</summary>
public static class Embedding
{
    public static void Forward(Span<float> x, ReadOnlySpan<int> tokens, ReadOnlySpan<float> wte, ReadOnlySpan<float> wpe, int c)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            var row = x.Slice(t * c, c);
            wte.Slice(tokens[t] * c, c).CopyTo(row);
            System.Numerics.Tensors.TensorPrimitives.Add(row, wpe.Slice(t * c, c), row);
        }
    }

    public static void Backward(ReadOnlySpan<float> dx, ReadOnlySpan<int> tokens, Span<float> dwte, Span<float> dwpe, int c)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            var g = dx.Slice(t * c, c);
            var te = dwte.Slice(tokens[t] * c, c);
            var pe = dwpe.Slice(t * c, c);
            System.Numerics.Tensors.TensorPrimitives.Add(te, g, te);
            System.Numerics.Tensors.TensorPrimitives.Add(pe, g, pe);
        }
    }
}
