using System.Numerics.Tensors;

namespace ArcSynth.Model.Transformer.Layers;

/// <summary>
/// Causal multi-head self-attention over packed rows of [q | k | v] (3C values per position); head
/// h reads columns h·hs..(h+1)·hs of each part. The softmax probabilities are kept for the backward
/// pass. Heads run in parallel; each writes only its own columns, so no two threads share an output
/// and the sums do not depend on the thread count.
/// </summary>
public static class Attention
{
    /// <summary>out[t] = Σ_{s ≤ t} softmax_s(q_t · k_s / √hs) v_s per head; <paramref name="probabilities"/> is [H, T, T], zero above the diagonal.</summary>
    public static void Forward(float[] output, float[] probabilities, float[] qkv, int t, int c, int heads)
    {
        var hs = c / heads;
        var scale = 1f / MathF.Sqrt(hs);
        Parallel.For(0, heads, h =>
        {
            for (var i = 0; i < t; i++)
            {
                var p = probabilities.AsSpan((h * t + i) * t, t);
                Softmax(p[..(i + 1)], qkv.AsSpan(i * 3 * c + h * hs, hs), qkv, c + h * hs, 3 * c, scale);
                p[(i + 1)..].Clear();
                var o = output.AsSpan(i * c + h * hs, hs);
                o.Clear();
                for (var j = 0; j <= i; j++) TensorPrimitives.MultiplyAdd(qkv.AsSpan(j * 3 * c + 2 * c + h * hs, hs), p[j], o, o);
            }
        });
    }

    /// <summary>Adds dL/dqkv given dL/dout.</summary>
    public static void Backward(float[] dqkv, float[] doutput, float[] probabilities, float[] qkv, int t, int c, int heads)
    {
        var hs = c / heads;
        var scale = 1f / MathF.Sqrt(hs);
        Parallel.For(0, heads, h =>
        {
            var dp = new float[t];
            for (var i = 0; i < t; i++)
            {
                var p = probabilities.AsSpan((h * t + i) * t, i + 1);
                var dout = doutput.AsSpan(i * c + h * hs, hs);
                // Through out = Σ p_j v_j: dp_j = dout · v_j and dv_j += p_j dout.
                var dot = 0f;
                for (var j = 0; j <= i; j++)
                {
                    dp[j] = TensorPrimitives.Dot(dout, qkv.AsSpan(j * 3 * c + 2 * c + h * hs, hs));
                    dot += p[j] * dp[j];
                    var dv = dqkv.AsSpan(j * 3 * c + 2 * c + h * hs, hs);
                    TensorPrimitives.MultiplyAdd(dout, p[j], dv, dv);
                }
                // Through the softmax, then the scaled dot products q_i · k_j.
                var q = qkv.AsSpan(i * 3 * c + h * hs, hs);
                var dq = dqkv.AsSpan(i * 3 * c + h * hs, hs);
                for (var j = 0; j <= i; j++)
                {
                    var ds = p[j] * (dp[j] - dot) * scale;
                    TensorPrimitives.MultiplyAdd(qkv.AsSpan(j * 3 * c + c + h * hs, hs), ds, dq, dq);
                    var dk = dqkv.AsSpan(j * 3 * c + c + h * hs, hs);
                    TensorPrimitives.MultiplyAdd(q, ds, dk, dk);
                }
            }
        });
    }

    /// <summary>p[j] = softmax_j(q · k_j · scale), k_j read from <paramref name="keys"/> at <paramref name="keyOffset"/> + j·<paramref name="stride"/>.</summary>
    public static void Softmax(Span<float> p, ReadOnlySpan<float> q, float[] keys, int keyOffset, int stride, float scale)
    {
        var max = float.NegativeInfinity;
        for (var j = 0; j < p.Length; j++)
        {
            p[j] = TensorPrimitives.Dot(q, keys.AsSpan(keyOffset + j * stride, q.Length)) * scale;
            max = MathF.Max(max, p[j]);
        }
        var sum = 0f;
        for (var j = 0; j < p.Length; j++) sum += p[j] = MathF.Exp(p[j] - max);
        TensorPrimitives.Divide(p, sum, p);
    }
}
