using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ArcSynth.Model.Transformer;

/// <summary>
/// The one matrix product the model needs: <c>C[m, n] (+)= Σ_k A[m, k] · B[n, k]</c>, both operands
/// row-major with k contiguous (B transposed, as linear weights are stored). Every linear layer's
/// forward is this with B the weight; its backward passes use it on transposed copies
/// (<see cref="Transpose"/>), which cost O(mk) against the product's O(mnk).
/// The kernel is the classic outer-product one: B is packed into panels of 16 columns laid out
/// k-major, and a 6x16 block of C lives in twelve 256-bit registers while k runs, each step
/// broadcasting six A values against two B vectors. Row blocks are split over the cores; every
/// element of C is summed over k in one fixed order, so results do not depend on the thread count.
/// </summary>
public static unsafe class Gemm
{
    private const int Rows = 6;
    private const int Panel = 16;

    public static void MatMulTransB(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int n, int k, bool accumulate)
    {
        var panels = (n + Panel - 1) / Panel;
        var (packed, start) = PackBuffer(panels * Panel * k);
        {
            Pack(b, bOffset, n, k, packed, start);
            var blocks = (m + Rows - 1) / Rows;
            // Below ~1 MFLOP the hand-off to another core costs more than it saves.
            if ((long)m * n * k < 1 << 20 || Environment.ProcessorCount == 1)
            {
                Blocks(a, aOffset, packed, start, c, cOffset, 0, blocks, m, n, k, accumulate);
                return;
            }
            var parts = Math.Min(blocks, Environment.ProcessorCount * 4);
            Parallel.For(0, parts, p =>
                Blocks(a, aOffset, packed, start, c, cOffset, (int)((long)blocks * p / parts), (int)((long)blocks * (p + 1) / parts), m, n, k, accumulate));
        }
    }

    [ThreadStatic] private static float[]? _packBuffer;

    /// <summary>
    /// This thread's buffer for packed panels and the index where a 64-byte-aligned stretch of
    /// <paramref name="length"/> floats starts, so that the kernel's vector loads of B never straddle
    /// cache lines; the array is pinned, so the alignment holds, and reused, so packing allocates nothing.
    /// </summary>
    private static (float[] Buffer, int Start) PackBuffer(int length)
    {
        if (_packBuffer is null || _packBuffer.Length < length + 16)
            _packBuffer = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
        fixed (float* p = _packBuffer)
            return (_packBuffer, (int)((64 - (long)p % 64) % 64 / sizeof(float)));
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

    /// <summary>packed[panel][k][0..16) = B[panel·16 + j, k], zero past n.</summary>
    private static void Pack(float[] b, int bOffset, int n, int k, float[] packed, int start)
    {
        var panels = (n + Panel - 1) / Panel;
        for (var p = 0; p < panels; p++)
            for (var j = 0; j < Panel; j++)
            {
                var col = p * Panel + j;
                var dst = start + p * Panel * k + j;
                if (col >= n)
                {
                    for (var q = 0; q < k; q++) packed[dst + q * Panel] = 0f;
                    continue;
                }
                var src = bOffset + col * k;
                for (var q = 0; q < k; q++) packed[dst + q * Panel] = b[src + q];
            }
    }

    private static void Blocks(float[] a, int aOffset, float[] packed, int start, float[] c, int cOffset, int fromBlock, int toBlock, int m, int n, int k, bool accumulate)
    {
        var panels = (n + Panel - 1) / Panel;
        var rowPointers = stackalloc float*[Rows];
        var tile = stackalloc float[Rows * Panel];
        fixed (float* pa = a, pp = packed, pc = c)
        {
            for (var block = fromBlock; block < toBlock; block++)
            {
                var i = block * Rows;
                var rows = Math.Min(Rows, m - i);
                // Missing rows of a last partial block read row i again; their results are not stored.
                for (var r = 0; r < Rows; r++) rowPointers[r] = pa + aOffset + (long)(i + (r < rows ? r : 0)) * k;
                for (var p = 0; p < panels; p++)
                {
                    Kernel(rowPointers, pp + start + (long)p * Panel * k, k, tile);
                    var cols = Math.Min(Panel, n - p * Panel);
                    for (var r = 0; r < rows; r++)
                    {
                        var dst = pc + cOffset + (long)(i + r) * n + p * Panel;
                        for (var j = 0; j < cols; j++) dst[j] = accumulate ? dst[j] + tile[r * Panel + j] : tile[r * Panel + j];
                    }
                }
            }
        }
    }

    /// <summary>tile[6][16] = Σ_q a_r[q] · panel[q][0..16) for the six rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(float** a, float* panel, int k, float* tile)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        float* a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5];
        for (var q = 0; q < k; q++)
        {
            var b0 = Vector256.Load(panel);
            var b1 = Vector256.Load(panel + 8);
            panel += Panel;
            var x = Vector256.Create(a0[q]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[q]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[q]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[q]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a4[q]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a5[q]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        c00.Store(tile); c01.Store(tile + 8); c10.Store(tile + 16); c11.Store(tile + 24); c20.Store(tile + 32); c21.Store(tile + 40);
        c30.Store(tile + 48); c31.Store(tile + 56); c40.Store(tile + 64); c41.Store(tile + 72); c50.Store(tile + 80); c51.Store(tile + 88);
    }
}
