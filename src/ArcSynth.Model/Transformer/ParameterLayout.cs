namespace ArcSynth.Model.Transformer;

/// <summary>
/// Where each named parameter tensor lives in the model's single flat buffer, with its shape. The
/// gradients and the optimizer's two moments use the same layout, so one offset finds a tensor in
/// all four, and a checkpoint writes them by these names (PyTorch's nn.Linear convention, [out, in]).
/// </summary>
public sealed class ParameterLayout
{
    private readonly List<(string Name, int[] Shape, int Offset, int Length)> _tensors = [];

    public ParameterLayout(ModelConfig config)
    {
        int c = config.Embedding, v = config.VocabSize;
        Add("wte.weight", v, c);
        Add("wpe.weight", config.ContextLength, c);
        for (var l = 0; l < config.Layers; l++)
        {
            Add($"h.{l}.ln_1.weight", c); Add($"h.{l}.ln_1.bias", c);
            Add($"h.{l}.attn.qkv.weight", 3 * c, c); Add($"h.{l}.attn.qkv.bias", 3 * c);
            Add($"h.{l}.attn.proj.weight", c, c); Add($"h.{l}.attn.proj.bias", c);
            Add($"h.{l}.ln_2.weight", c); Add($"h.{l}.ln_2.bias", c);
            Add($"h.{l}.mlp.fc.weight", 4 * c, c); Add($"h.{l}.mlp.fc.bias", 4 * c);
            Add($"h.{l}.mlp.proj.weight", c, 4 * c); Add($"h.{l}.mlp.proj.bias", c);
        }
        Add("ln_f.weight", c); Add("ln_f.bias", c);
    }

    /// <summary>Floats in the whole buffer.</summary>
    public int Size { get; private set; }

    public IReadOnlyList<(string Name, int[] Shape, int Offset, int Length)> Tensors => _tensors;

    public Tensor this[string name, float[] buffer]
    {
        get
        {
            var t = _tensors.Find(x => x.Name == name);
            return t.Name is null ? throw new KeyNotFoundException($"no parameter '{name}'") : new Tensor(buffer, t.Offset, t.Length);
        }
    }

    private void Add(string name, params int[] shape)
    {
        var length = shape.Aggregate(1, (a, b) => checked(a * b));
        _tensors.Add((name, shape, Size, length));
        Size = checked(Size + length);
    }
}
