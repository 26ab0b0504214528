using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Model.Tests.Transformer;

public sealed class VocabularyGrowthTests
{
    [Fact]
    public void A_grown_model_keeps_every_weight_and_reads_old_tokens_as_before()
    {
        var model = Gpt.Create(new ModelConfig { VocabSize = 20, ContextLength = 16, Embedding = 16, Layers = 2, Heads = 2 }, seed: 4);
        var optimizer = new AdamW(model.Layout.Size) { Step = 7 };
        optimizer.M.AsSpan().Fill(0.5f);
        var (grown, grownOptimizer) = VocabularyGrowth.Grow(model, optimizer, 23, seed: 1);

        Assert.Equal(23, grown.Config.VocabSize);
        foreach (var (name, _, offset, length) in model.Layout.Tensors)
            Assert.Equal(model.Parameters.AsSpan(offset, length).ToArray(), grown.Layout[name, grown.Parameters].Span[..length].ToArray());
        Assert.All(grown.Layout["wte.weight", grown.Parameters].Span[(20 * 16)..].ToArray(), w => Assert.InRange(w, -0.2f, 0.2f));
        Assert.Equal(7, grownOptimizer!.Step);
        Assert.Equal(0f, grownOptimizer.M[grown.Layout["wte.weight", grown.Parameters].Offset + 20 * 16]);

        int[] tokens = [1, 5, 19, 3];
        model.Forward(tokens);
        var before = model.Hidden(3).ToArray();
        grown.Forward(tokens);
        Assert.Equal(before, grown.Hidden(3).ToArray());
        Assert.Throws<ArgumentException>(() => VocabularyGrowth.Grow(grown, null, 21, seed: 1));
    }
}
