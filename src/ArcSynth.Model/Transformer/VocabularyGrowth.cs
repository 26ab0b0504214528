using ArcSynth.Model.Training;

namespace ArcSynth.Model.Transformer;

/// <summary>
/// A model (and its optimizer) for a vocabulary that grew by appended tokens, as when a primitive
/// is added: every existing weight is kept, the new token rows of the embedding start as GPT-2's
/// initialization would (N(0, 0.02)) and their optimizer moments at zero.
/// </summary>
public static class VocabularyGrowth
{
    public static (Gpt Model, AdamW? Optimizer) Grow(Gpt model, AdamW? optimizer, int vocabularySize, int seed)
    {
        if (vocabularySize == model.Config.VocabSize) return (model, optimizer);
        if (vocabularySize < model.Config.VocabSize)
            throw new ArgumentException($"a vocabulary of {vocabularySize} tokens is smaller than the model's {model.Config.VocabSize}; tokens are only ever appended");
        var grown = new Gpt(model.Config with { VocabSize = vocabularySize });
        var random = new Random(seed);
        var c = model.Config.Embedding;
        var newWte = grown.Layout["wte.weight", grown.Parameters].Span;
        for (var i = model.Config.VocabSize * c; i < newWte.Length; i++)
            newWte[i] = 0.02f * (float)(Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        Copy(model.Layout, model.Parameters, grown.Layout, grown.Parameters);
        if (optimizer is null) return (grown, null);
        var grownOptimizer = new AdamW(grown.Layout.Size) { Step = optimizer.Step };
        Copy(model.Layout, optimizer.M, grown.Layout, grownOptimizer.M);
        Copy(model.Layout, optimizer.V, grown.Layout, grownOptimizer.V);
        return (grown, grownOptimizer);
    }

    /// <summary>Each tensor of the old layout into the same-named one of the new: the whole tensor, or the leading rows of the grown embedding.</summary>
    private static void Copy(ParameterLayout from, float[] source, ParameterLayout to, float[] target)
    {
        foreach (var (name, _, offset, length) in from.Tensors)
            source.AsSpan(offset, length).CopyTo(to[name, target].Span);
    }
}
