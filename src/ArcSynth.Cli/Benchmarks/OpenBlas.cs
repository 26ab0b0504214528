using System.Runtime.InteropServices;

namespace ArcSynth.Cli.Benchmarks;

/// <summary>
/// Debian's OpenBLAS sgemm, called only by the benchmark to compare the model's own GEMM with it at
/// the same shapes; absent when libopenblas is not installed (apt-get install libopenblas0-pthread).
/// </summary>
internal static partial class OpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    public static bool Available => NativeLibrary.TryLoad(Library, out _);

    /// <summary>C[m,n] = A[m,k]·B[n,k]ᵀ, the shape the model's GEMM computes.</summary>
    public static void MatMulTransB(float[] a, float[] b, float[] c, int m, int n, int k) =>
        cblas_sgemm(RowMajor, NoTrans, Trans, m, n, k, 1f, a, k, b, k, 0f, c, n);

    [LibraryImport(Library)]
    private static partial void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc);
}
