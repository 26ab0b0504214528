namespace ArcSynth.Model.Training;

/// <summary>
/// AdamW (decoupled weight decay), as PyTorch defines it. Decay applies to matrices only, not to
/// biases, norms or nothing else. The two moments are kept in the model's parameter layout so a
/// checkpoint stores them by the same names.
/// </summary>
public sealed class AdamW(int size, float beta1 = 0.9f, float beta2 = 0.95f, float epsilon = 1e-8f)
{
    public float[] M { get; } = new float[size];
    public float[] V { get; } = new float[size];

    /// <summary>Updates done so far (the bias correction's t).</summary>
    public int Step { get; set; }

    /// <summary>One update of every tensor of <paramref name="layout"/>; decay for tensors with two dimensions.</summary>
    public void Update(float[] parameters, float[] gradients, Transformer.ParameterLayout layout, float learningRate, float weightDecay)
    {
        Step++;
        var c1 = 1f - MathF.Pow(beta1, Step);
        var c2 = 1f - MathF.Pow(beta2, Step);
        foreach (var (_, shape, offset, length) in layout.Tensors)
        {
            var decay = shape.Length >= 2 ? weightDecay : 0f;
            Parallel.For(0, (length + 65535) / 65536, chunk =>
            {
                var end = Math.Min(offset + length, offset + (chunk + 1) * 65536);
                for (var i = offset + chunk * 65536; i < end; i++)
                {
                    var g = gradients[i];
                    M[i] = beta1 * M[i] + (1f - beta1) * g;
                    V[i] = beta2 * V[i] + (1f - beta2) * g * g;
                    var mHat = M[i] / c1;
                    var vHat = V[i] / c2;
                    parameters[i] -= learningRate * (mHat / (MathF.Sqrt(vHat) + epsilon) + decay * parameters[i]);
                }
            });
        }
    }
}
