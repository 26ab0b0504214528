using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArcSynth.Model.Transformer;

/// <summary>
/// The shape of the decoder-only transformer (GPT-2 layout: pre-norm blocks, GELU MLP of 4C, learned
/// positions, output head tied to the token embedding). Saved as JSON beside every checkpoint with
/// the same names Hugging Face's GPT-2 config uses, so Python tooling can read it.
/// </summary>
public sealed record ModelConfig
{
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; }
    [JsonPropertyName("n_positions")] public int ContextLength { get; init; } = 1280;
    [JsonPropertyName("n_embd")] public int Embedding { get; init; } = 128;
    [JsonPropertyName("n_layer")] public int Layers { get; init; } = 4;
    [JsonPropertyName("n_head")] public int Heads { get; init; } = 4;
    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "gpt2";

    /// <summary>Parameters: embeddings, per block 12C² + 13C, final norm 2C.</summary>
    public long ParameterCount => (long)VocabSize * Embedding + (long)ContextLength * Embedding + Layers * (12L * Embedding * Embedding + 13L * Embedding) + 2L * Embedding;

    /// <summary>
    /// Forward and backward floating-point operations for one training sequence of <paramref name="t"/>
    /// tokens with <paramref name="trained"/> of them scored: 6 per weight per token in the blocks,
    /// causal attention ≈ 6·L·T²·C (scores and mixing, forward and backward, half masked), and the
    /// tied output head only at scored positions.
    /// </summary>
    public double TrainingFlops(int t, int trained) =>
        6.0 * t * Layers * 12.0 * Embedding * Embedding + 6.0 * Layers * (double)t * t * Embedding + 6.0 * trained * VocabSize * Embedding;

    public void Validate()
    {
        if (VocabSize < 1 || ContextLength < 1 || Layers < 1 || Heads < 1 || Embedding < 1)
            throw new ArgumentException($"model config: every size must be positive ({this})");
        if (Embedding % Heads != 0)
            throw new ArgumentException($"model config: n_embd {Embedding} is not a multiple of n_head {Heads}");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static ModelConfig FromJson(string json, string source) =>
        JsonSerializer.Deserialize<ModelConfig>(json, Options) is { } c
            ? c.Validated()
            : throw new FormatException($"{source}: not a model config");

    private ModelConfig Validated()
    {
        Validate();
        return this;
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
