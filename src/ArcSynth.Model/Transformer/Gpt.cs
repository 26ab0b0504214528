using ArcSynth.Model.Transformer.Layers;

namespace ArcSynth.Model.Transformer;

/// <summary>
/// The decoder-only transformer, top to bottom: embeddings, <see cref="ModelConfig.Layers"/> pre-norm
/// blocks (causal multi-head attention, GELU MLP, residuals), a final layer norm and the output
/// head tied to the token embedding. <see cref="Forward"/> keeps every activation of one sequence;
/// <see cref="Backward"/> walks the same steps in reverse, adding into <see cref="Gradients"/>.
/// Training sums gradients over the sequences of a batch, so one sequence is processed at a time and
/// no padding is ever computed; the matrix products inside use both cores.
/// </summary>
public sealed class Gpt
{
    public ModelConfig Config { get; }
    public ParameterLayout Layout { get; }
    public float[] Parameters { get; }
    public float[] Gradients { get; }

    private readonly Tensor _wte, _wpe, _lnfW, _lnfB;
    private readonly Block[] _blocks;
    private readonly Activations _act;
    private readonly Scratch _scratch = new();

    public Gpt(ModelConfig config, float[]? parameters = null)
    {
        config.Validate();
        Config = config;
        Layout = new ParameterLayout(config);
        if (parameters is not null && parameters.Length != Layout.Size)
            throw new ArgumentException($"{parameters.Length} parameters given for a model of {Layout.Size}");
        Parameters = parameters ?? new float[Layout.Size];
        Gradients = new float[Layout.Size];
        _wte = P("wte.weight"); _wpe = P("wpe.weight"); _lnfW = P("ln_f.weight"); _lnfB = P("ln_f.bias");
        _blocks = Enumerable.Range(0, config.Layers).Select(l => new Block(
            P($"h.{l}.ln_1.weight"), P($"h.{l}.ln_1.bias"), P($"h.{l}.attn.qkv.weight"), P($"h.{l}.attn.qkv.bias"),
            P($"h.{l}.attn.proj.weight"), P($"h.{l}.attn.proj.bias"), P($"h.{l}.ln_2.weight"), P($"h.{l}.ln_2.bias"),
            P($"h.{l}.mlp.fc.weight"), P($"h.{l}.mlp.fc.bias"), P($"h.{l}.mlp.proj.weight"), P($"h.{l}.mlp.proj.bias"))).ToArray();
        _act = new Activations(config);
    }

    private Tensor P(string name) => Layout[name, Parameters];

    /// <summary>GPT-2's initialization for a seed: N(0, 0.02) weights, residual projections scaled by 1/√(2L), norms at identity, biases zero.</summary>
    public static Gpt Create(ModelConfig config, int seed)
    {
        var model = new Gpt(config);
        var random = new Random(seed);
        var residualScale = 1f / MathF.Sqrt(2f * config.Layers);
        foreach (var (name, shape, offset, length) in model.Layout.Tensors)
        {
            var span = model.Parameters.AsSpan(offset, length);
            if (name.EndsWith(".bias", StringComparison.Ordinal)) continue;
            if (name.StartsWith("ln", StringComparison.Ordinal) || name.Contains(".ln_", StringComparison.Ordinal)) { span.Fill(1f); continue; }
            var std = 0.02f * (name.EndsWith("proj.weight", StringComparison.Ordinal) ? residualScale : 1f);
            for (var i = 0; i < span.Length; i++) span[i] = std * Normal(random);
        }
        return model;
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble()));

    /// <summary>Tokens the last <see cref="Forward"/> ran on.</summary>
    public int Length => _act.T;

    /// <summary>
    /// Runs <paramref name="tokens"/> (at most the context length) through the model. When
    /// <paramref name="firstTarget"/> is given, the tokens from that index on are the targets, each
    /// predicted from the position before it; returns their summed negative log-likelihood (0 when
    /// none). The packed q, k, v of each layer stay readable through <see cref="KeysAndValues"/>.
    /// </summary>
    public float Forward(ReadOnlySpan<int> tokens, int firstTarget = int.MaxValue)
    {
        var t = tokens.Length;
        if (t < 1 || t > Config.ContextLength)
            throw new ArgumentException($"a sequence of {t} tokens does not fit the context of {Config.ContextLength}");
        int c = Config.Embedding, v = Config.VocabSize, h = Config.Heads;
        var a = _act;
        if (firstTarget < 1) throw new ArgumentException($"the first target is at {firstTarget}; it needs a position before it");
        a.Resize(t, Math.Max(0, t - firstTarget));
        foreach (var token in tokens)
            if ((uint)token >= (uint)v) throw new ArgumentException($"token id {token} is outside the vocabulary of {v}");
        tokens.CopyTo(a.Tokens);

        Embedding.Forward(a.Residual[0], tokens, _wte.Span, _wpe.Span, c);
        for (var l = 0; l < Config.Layers; l++)
        {
            var b = _blocks[l];
            LayerNorm.Forward(a.Ln1[l], a.Ln1Mean[l], a.Ln1Rstd[l], a.Residual[l], b.Ln1W.Span, b.Ln1B.Span, t, c);
            Linear.Forward(a.Qkv[l], 0, a.Ln1[l], 0, b.QkvW, b.QkvB, t, c, 3 * c);
            Attention.Forward(a.Atty[l], a.Att[l], a.Qkv[l], t, c, h, _scratch);
            Linear.Forward(a.AttProj[l], 0, a.Atty[l], 0, b.ProjW, b.ProjB, t, c, c);
            System.Numerics.Tensors.TensorPrimitives.Add(a.Residual[l].AsSpan(0, t * c), a.AttProj[l].AsSpan(0, t * c), a.Residual2[l]);
            LayerNorm.Forward(a.Ln2[l], a.Ln2Mean[l], a.Ln2Rstd[l], a.Residual2[l], b.Ln2W.Span, b.Ln2B.Span, t, c);
            Linear.Forward(a.Fc[l], 0, a.Ln2[l], 0, b.FcW, b.FcB, t, c, 4 * c);
            Gelu.Forward(a.FcGelu[l], a.Fc[l].AsSpan(0, t * 4 * c));
            Linear.Forward(a.FcProj[l], 0, a.FcGelu[l], 0, b.FcProjW, b.FcProjB, t, 4 * c, c);
            System.Numerics.Tensors.TensorPrimitives.Add(a.Residual2[l].AsSpan(0, t * c), a.FcProj[l].AsSpan(0, t * c), a.Residual[l + 1]);
        }
        LayerNorm.Forward(a.LnF, a.LnFMean, a.LnFRstd, a.Residual[Config.Layers], _lnfW.Span, _lnfB.Span, t, c);

        // The head only at scored positions: row r predicts tokens[firstTarget + r] from position firstTarget + r - 1.
        var rows = a.Rows;
        if (rows == 0) return 0f;
        for (var r = 0; r < rows; r++)
        {
            a.LnF.AsSpan((firstTarget - 1 + r) * c, c).CopyTo(a.Head.AsSpan(r * c, c));
            a.Targets[r] = tokens[firstTarget + r];
        }
        a.FirstTarget = firstTarget;
        Linear.Forward(a.Logits, 0, a.Head, 0, _wte, null, rows, c, v);
        return CrossEntropy.Forward(a.Logits, a.Targets.AsSpan(0, rows), v);
    }

    /// <summary>
    /// Adds to <see cref="Gradients"/> the gradient of <paramref name="lossWeight"/> × the loss of
    /// the last <see cref="Forward"/> (use 1 / scored tokens of the batch for a mean).
    /// </summary>
    public void Backward(float lossWeight)
    {
        var a = _act;
        int t = a.T, c = Config.Embedding, v = Config.VocabSize, h = Config.Heads, rows = a.Rows;
        if (rows == 0) return;
        var g = Gradients;
        Tensor G(Tensor p) => p.In(g);

        CrossEntropy.Backward(a.Logits, a.Targets.AsSpan(0, rows), v, lossWeight);
        Array.Clear(a.DHead, 0, rows * c);
        Linear.Backward(a.DHead, 0, G(_wte), null, a.Logits, 0, a.Head, 0, _wte, rows, c, v, _scratch);
        Array.Clear(a.D1, 0, t * c);
        for (var r = 0; r < rows; r++) a.DHead.AsSpan(r * c, c).CopyTo(a.D1.AsSpan((a.FirstTarget - 1 + r) * c, c));
        var dResidual = a.DResidual;
        Array.Clear(dResidual, 0, t * c);
        LayerNorm.Backward(dResidual, G(_lnfW).Span, G(_lnfB).Span, a.D1, a.Residual[Config.Layers], _lnfW.Span, a.LnFMean, a.LnFRstd, t, c);

        for (var l = Config.Layers - 1; l >= 0; l--)
        {
            var b = _blocks[l];
            // MLP branch: dResidual holds dL/d(residual after the block); it flows on unchanged and through the branch.
            Array.Clear(a.D4, 0, t * 4 * c);
            Linear.Backward(a.D4, 0, G(b.FcProjW), G(b.FcProjB), dResidual, 0, a.FcGelu[l], 0, b.FcProjW, t, 4 * c, c, _scratch);
            Array.Clear(a.D4b, 0, t * 4 * c);
            Gelu.Backward(a.D4b, a.Fc[l].AsSpan(0, t * 4 * c), a.D4.AsSpan(0, t * 4 * c));
            Array.Clear(a.D1, 0, t * c);
            Linear.Backward(a.D1, 0, G(b.FcW), G(b.FcB), a.D4b, 0, a.Ln2[l], 0, b.FcW, t, c, 4 * c, _scratch);
            LayerNorm.Backward(dResidual, G(b.Ln2W).Span, G(b.Ln2B).Span, a.D1, a.Residual2[l], b.Ln2W.Span, a.Ln2Mean[l], a.Ln2Rstd[l], t, c);
            // Attention branch.
            Array.Clear(a.D1, 0, t * c);
            Linear.Backward(a.D1, 0, G(b.ProjW), G(b.ProjB), dResidual, 0, a.Atty[l], 0, b.ProjW, t, c, c, _scratch);
            Array.Clear(a.D3, 0, t * 3 * c);
            Attention.Backward(a.D3, a.D1, a.Att[l], a.Qkv[l], t, c, h, _scratch);
            Array.Clear(a.D1, 0, t * c);
            Linear.Backward(a.D1, 0, G(b.QkvW), G(b.QkvB), a.D3, 0, a.Ln1[l], 0, b.QkvW, t, c, 3 * c, _scratch);
            LayerNorm.Backward(dResidual, G(b.Ln1W).Span, G(b.Ln1B).Span, a.D1, a.Residual[l], b.Ln1W.Span, a.Ln1Mean[l], a.Ln1Rstd[l], t, c);
        }
        Embedding.Backward(dResidual.AsSpan(0, t * c), a.Tokens.AsSpan(0, t), G(_wte).Span, G(_wpe).Span, c);
    }

    /// <summary>Layer <paramref name="layer"/>'s packed [q | k | v] rows (3C each) of the last forward's positions.</summary>
    public ReadOnlySpan<float> KeysAndValues(int layer) => _act.Qkv[layer].AsSpan(0, _act.T * 3 * Config.Embedding);

    /// <summary>The final-norm output at the last forward's position <paramref name="position"/>.</summary>
    public ReadOnlySpan<float> Hidden(int position) => _act.LnF.AsSpan(position * Config.Embedding, Config.Embedding);

    internal Tensor TokenEmbedding => _wte;
    internal Tensor PositionEmbedding => _wpe;
    internal Tensor FinalNormWeight => _lnfW;
    internal Tensor FinalNormBias => _lnfB;
    internal IReadOnlyList<Block> Blocks => _blocks;
    internal Scratch Scratch => _scratch;

    /// <summary>Every activation and activation gradient of one sequence, grown to the longest seen.</summary>
    private sealed class Activations(ModelConfig config)
    {
        public int T, Rows, FirstTarget, Capacity = -1, RowCapacity = -1;
        public int[] Tokens = [], Targets = [];
        public float[][] Residual = [], Residual2 = [], Ln1 = [], Ln1Mean = [], Ln1Rstd = [], Qkv = [], Atty = [], Att = [], AttProj = [];
        public float[][] Ln2 = [], Ln2Mean = [], Ln2Rstd = [], Fc = [], FcGelu = [], FcProj = [];
        public float[] LnF = [], LnFMean = [], LnFRstd = [], Head = [], Logits = [], DHead = [];
        public float[] DResidual = [], D1 = [], D3 = [], D4 = [], D4b = [];

        public void Resize(int t, int rows)
        {
            T = t;
            Rows = rows;
            int c = config.Embedding, layers = config.Layers, h = config.Heads;
            if (t > Capacity)
            {
                Capacity = t;
                float[][] PerLayer(int n, int count) => Enumerable.Range(0, count).Select(_ => new float[n]).ToArray();
                Tokens = new int[t];
                Residual = PerLayer(t * c, layers + 1); Residual2 = PerLayer(t * c, layers);
                Ln1 = PerLayer(t * c, layers); Ln1Mean = PerLayer(t, layers); Ln1Rstd = PerLayer(t, layers);
                Qkv = PerLayer(t * 3 * c, layers); Atty = PerLayer(t * c, layers); Att = PerLayer(h * t * t, layers); AttProj = PerLayer(t * c, layers);
                Ln2 = PerLayer(t * c, layers); Ln2Mean = PerLayer(t, layers); Ln2Rstd = PerLayer(t, layers);
                Fc = PerLayer(t * 4 * c, layers); FcGelu = PerLayer(t * 4 * c, layers); FcProj = PerLayer(t * c, layers);
                LnF = new float[t * c]; LnFMean = new float[t]; LnFRstd = new float[t];
                DResidual = new float[t * c]; D1 = new float[t * c]; D3 = new float[t * 3 * c]; D4 = new float[t * 4 * c]; D4b = new float[t * 4 * c];
            }
            if (rows > RowCapacity)
            {
                RowCapacity = rows;
                Targets = new int[rows];
                Head = new float[rows * c]; DHead = new float[rows * c];
                Logits = new float[rows * config.VocabSize];
            }
        }
    }
}
