using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ArcSynth.Model.Transformer;

/// <summary>
/// The one matrix product the model needs: <c>C[m, n] (+)= Σ_k A[m, k] · B[n, k]</c>, both operands
/// row-major with k contiguous (B transposed). Every linear layer's forward is this with B the
/// weight; its backward passes use it on transposed copies (<see cref="Transpose"/>), which cost
/// O(mk) against the product's O(mnk). Rows are split over the cores; each output element is summed
/// in one fixed order, so results do not depend on the thread count.
/// </summary>
public static unsafe class Gemm
{
    private const int RowBlock = 4;
    private const int ColBlock = 3;

    public static void MatMulTransB(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int n, int k, bool accumulate)
    {
        var blocks = (m + RowBlock - 1) / RowBlock;
        // Below ~1 MFLOP the hand-off to another core costs more than it saves.
        if ((long)m * n * k < 1 << 20 || Environment.ProcessorCount == 1)
        {
            Rows(a, aOffset, b, bOffset, c, cOffset, 0, m, n, k, accumulate);
            return;
        }
        var parts = Math.Min(blocks, Environment.ProcessorCount * 4);
        Parallel.For(0, parts, p =>
        {
            var from = (int)((long)blocks * p / parts) * RowBlock;
            var to = Math.Min(m, (int)((long)blocks * (p + 1) / parts) * RowBlock);
            Rows(a, aOffset, b, bOffset, c, cOffset, from, to, n, k, accumulate);
        });
    }

    /// <summary>dst[n, m] = src[m, n].</summary>
    public static void Transpose(float[] src, int srcOffset, int m, int n, float[] dst)
    {
        const int tile = 32;
        for (var i0 = 0; i0 < m; i0 += tile)
            for (var j0 = 0; j0 < n; j0 += tile)
                for (var i = i0; i < Math.Min(i0 + tile, m); i++)
                    for (var j = j0; j < Math.Min(j0 + tile, n); j++)
                        dst[j * m + i] = src[srcOffset + i * n + j];
    }

    private static void Rows(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int from, int to, int n, int k, bool accumulate)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            var i = from;
            for (; i + RowBlock <= to; i += RowBlock)
            {
                var j = 0;
                for (; j + ColBlock <= n; j += ColBlock)
                    Kernel4x3(pa + aOffset + i * k, pb + bOffset + j * k, pc + cOffset + i * n + j, n, k, accumulate);
                for (; j < n; j++)
                    for (var r = 0; r < RowBlock; r++)
                        Store(pc + cOffset + (i + r) * n + j, Dot(pa + aOffset + (i + r) * k, pb + bOffset + j * k, k), accumulate);
            }
            for (; i < to; i++)
                for (var j = 0; j < n; j++)
                    Store(pc + cOffset + i * n + j, Dot(pa + aOffset + i * k, pb + bOffset + j * k, k), accumulate);
        }
    }

    /// <summary>A 4x3 block of C: twelve 256-bit accumulators, three B rows held while four A rows stream past.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x3(float* a, float* b, float* c, int ldc, int k, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector256<float> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        var p = 0;
        for (; p + 8 <= k; p += 8)
        {
            var b0 = Vector256.Load(b + p);
            var b1 = Vector256.Load(b + k + p);
            var b2 = Vector256.Load(b + 2 * k + p);
            var a0 = Vector256.Load(a + p);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00); c01 = Vector256.FusedMultiplyAdd(a0, b1, c01); c02 = Vector256.FusedMultiplyAdd(a0, b2, c02);
            var a1 = Vector256.Load(a + k + p);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10); c11 = Vector256.FusedMultiplyAdd(a1, b1, c11); c12 = Vector256.FusedMultiplyAdd(a1, b2, c12);
            var a2 = Vector256.Load(a + 2 * k + p);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20); c21 = Vector256.FusedMultiplyAdd(a2, b1, c21); c22 = Vector256.FusedMultiplyAdd(a2, b2, c22);
            var a3 = Vector256.Load(a + 3 * k + p);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30); c31 = Vector256.FusedMultiplyAdd(a3, b1, c31); c32 = Vector256.FusedMultiplyAdd(a3, b2, c32);
        }
        float* sums = stackalloc float[12]
        {
            Vector256.Sum(c00), Vector256.Sum(c01), Vector256.Sum(c02), Vector256.Sum(c10), Vector256.Sum(c11), Vector256.Sum(c12),
            Vector256.Sum(c20), Vector256.Sum(c21), Vector256.Sum(c22), Vector256.Sum(c30), Vector256.Sum(c31), Vector256.Sum(c32),
        };
        for (; p < k; p++)
            for (var r = 0; r < 4; r++)
                for (var q = 0; q < 3; q++)
                    sums[r * 3 + q] += a[r * k + p] * b[q * k + p];
        for (var r = 0; r < 4; r++)
            for (var q = 0; q < 3; q++)
                Store(c + r * ldc + q, sums[r * 3 + q], accumulate);
    }

    private static float Dot(float* a, float* b, int k)
    {
        var acc = Vector256<float>.Zero;
        var p = 0;
        for (; p + 8 <= k; p += 8) acc = Vector256.FusedMultiplyAdd(Vector256.Load(a + p), Vector256.Load(b + p), acc);
        var sum = Vector256.Sum(acc);
        for (; p < k; p++) sum += a[p] * b[p];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* at, float value, bool accumulate) => *at = accumulate ? *at + value : value;
}
