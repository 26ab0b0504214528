namespace ArcSynth.Model.Transformer.Layers;

/// <summary>GELU, the tanh approximation GPT-2 uses.</summary>
public static class Gelu
{
    private static readonly float Scale = MathF.Sqrt(2f / MathF.PI);

    public static void Forward(Span<float> output, ReadOnlySpan<float> input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            output[i] = 0.5f * x * (1f + MathF.Tanh(Scale * (x + 0.044715f * x * x * x)));
        }
    }

    /// <summary>Adds dL/dx given dL/dy.</summary>
    public static void Backward(Span<float> dinput, ReadOnlySpan<float> input, ReadOnlySpan<float> doutput)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            var tanh = MathF.Tanh(Scale * (x + 0.044715f * x * x * x));
            var sech2 = 1f - tanh * tanh;
            var local = 0.5f * (1f + tanh) + 0.5f * x * sech2 * Scale * (1f + 3f * 0.044715f * x * x);
            dinput[i] += local * doutput[i];
        }
    }
}
