namespace ArcSynth.Model.Transformer.Layers;

/// <summary>out[t] = W · in[t] + b, with W stored [out, in] as PyTorch does.</summary>
public static class Linear
{
    public static void Forward(float[] output, int outOffset, float[] input, int inOffset, Tensor w, Tensor? b, int rows, int inC, int outC)
    {
        Gemm.MatMulTransB(input, inOffset, w.Data, w.Offset, output, outOffset, rows, outC, inC, accumulate: false);
        if (b is not { } bias) return;
        var bs = bias.Span;
        for (var t = 0; t < rows; t++)
            System.Numerics.Tensors.TensorPrimitives.Add(output.AsSpan(outOffset + t * outC, outC), bs, output.AsSpan(outOffset + t * outC, outC));
    }

    /// <summary>
    /// Adds dL/din (when <paramref name="dinput"/> is given), dL/dW and dL/db. The products run on
    /// transposed copies in <paramref name="scratch"/> so that one GEMM kernel serves all three.
    /// </summary>
    public static void Backward(float[]? dinput, int dinOffset, Tensor dw, Tensor? db, float[] doutput, int doutOffset, float[] input, int inOffset, Tensor w, int rows, int inC, int outC, Scratch scratch)
    {
        if (dinput is not null)
        {
            var wT = scratch.Get(0, inC * outC);
            Gemm.Transpose(w.Data, w.Offset, outC, inC, wT);
            Gemm.MatMulTransB(doutput, doutOffset, wT, 0, dinput, dinOffset, rows, inC, outC, accumulate: true);
        }
        var doutT = scratch.Get(1, rows * outC);
        var inT = scratch.Get(2, rows * inC);
        Gemm.Transpose(doutput, doutOffset, rows, outC, doutT);
        Gemm.Transpose(input, inOffset, rows, inC, inT);
        Gemm.MatMulTransB(doutT, 0, inT, 0, dw.Data, dw.Offset, outC, inC, rows, accumulate: true);
        if (db is not { } bias) return;
        var dbs = bias.Span;
        for (var o = 0; o < outC; o++) dbs[o] += System.Numerics.Tensors.TensorPrimitives.Sum(doutT.AsSpan(o * rows, rows));
    }
}
