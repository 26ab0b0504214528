namespace ArcSynth.Model.Transformer.Layers;

/// <summary>Layer normalization over each row of C values, with a learned scale and shift.</summary>
public static class LayerNorm
{
    private const float Epsilon = 1e-5f;

    /// <summary>out = (x - mean) / std · w + b per row; keeps each row's mean and 1/std for the backward pass.</summary>
    public static void Forward(Span<float> output, Span<float> mean, Span<float> rstd, ReadOnlySpan<float> input, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int rows, int c)
    {
        for (var t = 0; t < rows; t++)
        {
            var x = input.Slice(t * c, c);
            var m = 0f;
            foreach (var v in x) m += v;
            m /= c;
            var variance = 0f;
            foreach (var v in x) variance += (v - m) * (v - m);
            var s = 1f / MathF.Sqrt(variance / c + Epsilon);
            var o = output.Slice(t * c, c);
            for (var i = 0; i < c; i++) o[i] = (x[i] - m) * s * w[i] + b[i];
            mean[t] = m;
            rstd[t] = s;
        }
    }

    /// <summary>Adds the gradients of the input, scale and shift given the output's.</summary>
    public static void Backward(Span<float> dinput, Span<float> dw, Span<float> db, ReadOnlySpan<float> doutput, ReadOnlySpan<float> input, ReadOnlySpan<float> w, ReadOnlySpan<float> mean, ReadOnlySpan<float> rstd, int rows, int c)
    {
        for (var t = 0; t < rows; t++)
        {
            var x = input.Slice(t * c, c);
            var dout = doutput.Slice(t * c, c);
            var dx = dinput.Slice(t * c, c);
            float meanDnorm = 0, meanDnormNorm = 0;
            for (var i = 0; i < c; i++)
            {
                var norm = (x[i] - mean[t]) * rstd[t];
                var dnorm = w[i] * dout[i];
                meanDnorm += dnorm;
                meanDnormNorm += dnorm * norm;
            }
            meanDnorm /= c;
            meanDnormNorm /= c;
            for (var i = 0; i < c; i++)
            {
                var norm = (x[i] - mean[t]) * rstd[t];
                db[i] += dout[i];
                dw[i] += norm * dout[i];
                dx[i] += (w[i] * dout[i] - meanDnorm - norm * meanDnormNorm) * rstd[t];
            }
        }
    }
}
