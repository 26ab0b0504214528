namespace ArcSynth.Model.Transformer;

/// <summary>One transformer block's parameters (pre-norm: x + attn(ln1(x)), then + mlp(ln2(x))). Linear weights are [out, in].</summary>
public sealed record Block(
    Tensor Ln1W, Tensor Ln1B, Tensor QkvW, Tensor QkvB, Tensor ProjW, Tensor ProjB,
    Tensor Ln2W, Tensor Ln2B, Tensor FcW, Tensor FcB, Tensor FcProjW, Tensor FcProjB);
