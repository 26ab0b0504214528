using System.Numerics.Tensors;

namespace ArcSynth.Model.Transformer.Layers;

/// <summary>
/// Causal multi-head self-attention over packed rows of [q | k | v] (3C values per position); head
/// h reads columns h·hs..(h+1)·hs of each part. Per head, the head's q, k and v are copied out
/// contiguous and every product (scores, mixing, and their gradients) runs through <see cref="Gemm"/>:
/// computing the masked upper triangle too costs twice the arithmetic but runs many times faster
/// than position-by-position dot products. The softmax probabilities [H, T, T] are kept for backward.
/// </summary>
public static class Attention
{
    /// <summary>out[t] = Σ_{s ≤ t} softmax_s(q_t · k_s / √hs) v_s per head; <paramref name="probabilities"/> is [H, T, T], zero above the diagonal.</summary>
    public static void Forward(float[] output, float[] probabilities, float[] qkv, int t, int c, int heads, Scratch scratch)
    {
        var hs = c / heads;
        var scale = 1f / MathF.Sqrt(hs);
        float[] q = scratch.Get(3, t * hs), k = scratch.Get(4, t * hs), vT = scratch.Get(5, hs * t), o = scratch.Get(6, t * hs);
        for (var h = 0; h < heads; h++)
        {
            Extract(qkv, t, c, h * hs, hs, q);
            Extract(qkv, t, c, c + h * hs, hs, k);
            ExtractTransposed(qkv, t, c, 2 * c + h * hs, hs, vT);
            var p = h * t * t;
            Gemm.MatMulTransB(q, 0, k, 0, probabilities, p, t, t, hs, accumulate: false);
            for (var i = 0; i < t; i++)
            {
                var row = probabilities.AsSpan(p + i * t, t);
                var visible = row[..(i + 1)];
                TensorPrimitives.Multiply(visible, scale, visible);
                Softmax.InPlace(visible);
                row[(i + 1)..].Clear();
            }
            Gemm.MatMulTransB(probabilities, p, vT, 0, o, 0, t, hs, t, accumulate: false);
            for (var i = 0; i < t; i++) o.AsSpan(i * hs, hs).CopyTo(output.AsSpan(i * c + h * hs, hs));
        }
    }

    /// <summary>Adds dL/dqkv given dL/dout.</summary>
    public static void Backward(float[] dqkv, float[] doutput, float[] probabilities, float[] qkv, int t, int c, int heads, Scratch scratch)
    {
        var hs = c / heads;
        var scale = 1f / MathF.Sqrt(hs);
        float[] x = scratch.Get(3, t * hs), xT = scratch.Get(4, hs * t), dout = scratch.Get(5, t * hs), grad = scratch.Get(6, t * hs);
        float[] dp = scratch.Get(7, t * t), pT = scratch.Get(1, t * t);
        for (var h = 0; h < heads; h++)
        {
            var p = h * t * t;
            Extract(doutput, t, c, h * hs, hs, dout, stride: c);
            // Through out = P · V: dP = dout · Vᵀ, dV = Pᵀ · dout.
            Extract(qkv, t, c, 2 * c + h * hs, hs, x);
            Gemm.MatMulTransB(dout, 0, x, 0, dp, 0, t, t, hs, accumulate: false);
            Gemm.Transpose(probabilities, p, t, t, pT);
            Gemm.Transpose(dout, 0, t, hs, xT);
            Gemm.MatMulTransB(pT, 0, xT, 0, grad, 0, t, hs, t, accumulate: false);
            Add(dqkv, t, c, 2 * c + h * hs, hs, grad);
            // Through the softmax: dS = P ⊙ (dP − Σ_j P·dP) · scale, zero above the diagonal.
            for (var i = 0; i < t; i++)
            {
                var pi = probabilities.AsSpan(p + i * t, i + 1);
                var di = dp.AsSpan(i * t, t);
                var dot = TensorPrimitives.Dot(pi, di[..(i + 1)]);
                for (var j = 0; j <= i; j++) di[j] = pi[j] * (di[j] - dot) * scale;
                di[(i + 1)..].Clear();
            }
            // Through S = Q · Kᵀ: dQ = dS · K, dK = dSᵀ · Q.
            ExtractTransposed(qkv, t, c, c + h * hs, hs, xT);
            Gemm.MatMulTransB(dp, 0, xT, 0, grad, 0, t, hs, t, accumulate: false);
            Add(dqkv, t, c, h * hs, hs, grad);
            Gemm.Transpose(dp, 0, t, t, pT);
            ExtractTransposed(qkv, t, c, h * hs, hs, xT);
            Gemm.MatMulTransB(pT, 0, xT, 0, grad, 0, t, hs, t, accumulate: false);
            Add(dqkv, t, c, c + h * hs, hs, grad);
        }
    }

    /// <summary>dst[i, :] = src[i·stride + offset .. + hs) for the t rows (stride 3C by default: the packed qkv rows).</summary>
    private static void Extract(float[] src, int t, int c, int offset, int hs, float[] dst, int stride = -1)
    {
        if (stride < 0) stride = 3 * c;
        for (var i = 0; i < t; i++) src.AsSpan(i * stride + offset, hs).CopyTo(dst.AsSpan(i * hs, hs));
    }

    /// <summary>dst[d, i] = src[i·3C + offset + d]: one head's slice of the packed rows, transposed.</summary>
    private static void ExtractTransposed(float[] src, int t, int c, int offset, int hs, float[] dst)
    {
        for (var i = 0; i < t; i++)
            for (var d = 0; d < hs; d++)
                dst[d * t + i] = src[i * 3 * c + offset + d];
    }

    /// <summary>Adds grad[i, :] into the packed rows at <paramref name="offset"/>.</summary>
    private static void Add(float[] dqkv, int t, int c, int offset, int hs, float[] grad)
    {
        for (var i = 0; i < t; i++)
        {
            var row = dqkv.AsSpan(i * 3 * c + offset, hs);
            TensorPrimitives.Add(row, grad.AsSpan(i * hs, hs), row);
        }
    }
}
