using ArcSynth.Model.Sampling;

namespace ArcSynth.Model.Tests.Transformer;

public sealed class TokenChoiceTests
{
    private static int[] Counts(float[] logits, bool[] allowed, float temperature, float topP, int draws = 4000)
    {
        var random = new Random(3);
        var counts = new int[logits.Length];
        for (var k = 0; k < draws; k++) counts[TokenChoice.Draw((float[])logits.Clone(), allowed, temperature, topP, random)]++;
        return counts;
    }

    [Fact]
    public void Masked_tokens_are_never_drawn_and_an_empty_mask_draws_none()
    {
        var counts = Counts([5f, 1f, 1f, 0f], [false, true, true, true], 1f, 1f);
        Assert.Equal(0, counts[0]);
        Assert.Equal(-1, TokenChoice.Draw(new float[3], new bool[3], 1f, 1f, new Random(1)));
    }

    [Fact]
    public void Top_p_keeps_the_smallest_set_holding_that_mass()
    {
        // Probabilities ≈ 0.64, 0.24, 0.09, 0.03: top-p 0.8 keeps the first two only.
        float[] logits = [3f, 2f, 1f, 0f];
        var all = Enumerable.Repeat(true, 4).ToArray();
        var counts = Counts(logits, all, 1f, 0.8f);
        Assert.Equal(0, counts[2] + counts[3]);
        Assert.InRange(counts[1] / (double)(counts[0] + counts[1]), 0.22, 0.31);
        Assert.True(Counts(logits, all, 1f, 1f)[3] > 0);
    }

    [Fact]
    public void Temperature_sharpens_and_zero_is_greedy()
    {
        float[] logits = [1f, 1.5f, 0f];
        var all = Enumerable.Repeat(true, 3).ToArray();
        Assert.Equal(4000, Counts(logits, all, 0f, 1f)[1]);
        Assert.True(Counts(logits, all, 0.2f, 1f)[1] > Counts(logits, all, 2f, 1f)[1]);
    }
}
