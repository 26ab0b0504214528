using ArcSynth.Model.Transformer;
using ArcSynth.Model.Transformer.Layers;

namespace ArcSynth.Model.Tests.Transformer;

/// <summary>
/// Every layer's backward pass against central finite differences of its forward pass, and the
/// whole model's against differences of its loss, on every parameter of a tiny model. The scalar
/// checked is Σ r·out with fixed random r, so every output element's gradient path is exercised.
/// </summary>
public sealed class GradientCheckTests
{
    private static float[] RandomArray(Random random, int n, float scale = 1f) =>
        Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();

    private static double Weighted(ReadOnlySpan<float> output, float[] r)
    {
        var sum = 0.0;
        for (var i = 0; i < r.Length; i++) sum += (double)output[i] * r[i];
        return sum;
    }

    /// <summary>Asserts that <paramref name="analytic"/> matches d loss / d x[i] for every i.</summary>
    private static void AssertMatches(string what, float[] x, float[] analytic, Func<double> loss, float epsilon = 1e-2f)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var keep = x[i];
            x[i] = keep + epsilon;
            var up = loss();
            x[i] = keep - epsilon;
            var down = loss();
            x[i] = keep;
            var numeric = (up - down) / (2 * epsilon);
            var tolerance = 2e-2 * Math.Max(Math.Abs(numeric), Math.Abs(analytic[i])) + 2e-3;
            Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance, $"{what}[{i}]: analytic {analytic[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Layer_norm()
    {
        var random = new Random(1);
        const int rows = 3, c = 8;
        var x = RandomArray(random, rows * c, 2);
        var w = RandomArray(random, c);
        var b = RandomArray(random, c);
        var r = RandomArray(random, rows * c);
        var output = new float[rows * c];
        float[] mean = new float[rows], rstd = new float[rows];
        double Loss()
        {
            LayerNorm.Forward(output, mean, rstd, x, w, b, rows, c);
            return Weighted(output, r);
        }
        Loss();
        float[] dx = new float[x.Length], dw = new float[c], db = new float[c];
        LayerNorm.Backward(dx, dw, db, r, x, w, mean, rstd, rows, c);
        AssertMatches("x", x, dx, Loss);
        AssertMatches("w", w, dw, Loss);
        AssertMatches("b", b, db, Loss);
    }

    [Fact]
    public void Gelu_activation()
    {
        var random = new Random(2);
        var x = RandomArray(random, 40, 4);
        var r = RandomArray(random, 40);
        var output = new float[40];
        double Loss()
        {
            Gelu.Forward(output, x);
            return Weighted(output, r);
        }
        var dx = new float[40];
        Gelu.Backward(dx, x, r);
        AssertMatches("x", x, dx, Loss);
    }

    [Theory]
    [InlineData(5, 16, 7)] // vector path over k, row and column tails of the 4x3 kernel
    [InlineData(9, 5, 12)] // scalar tail over k
    public void Linear_layer(int rows, int inC, int outC)
    {
        var random = new Random(3);
        var x = RandomArray(random, rows * inC);
        var w = RandomArray(random, outC * inC);
        var b = RandomArray(random, outC);
        var r = RandomArray(random, rows * outC);
        var output = new float[rows * outC];
        double Loss()
        {
            Linear.Forward(output, 0, x, 0, new Tensor(w, 0, w.Length), new Tensor(b, 0, b.Length), rows, inC, outC);
            return Weighted(output, r);
        }
        float[] dx = new float[x.Length], dw = new float[w.Length], db = new float[b.Length];
        Linear.Backward(dx, 0, new Tensor(dw, 0, dw.Length), new Tensor(db, 0, db.Length), r, 0, x, 0, new Tensor(w, 0, w.Length), rows, inC, outC, new Scratch());
        AssertMatches("x", x, dx, Loss);
        AssertMatches("w", w, dw, Loss);
        AssertMatches("b", b, db, Loss);
    }

    [Fact]
    public void Causal_attention()
    {
        var random = new Random(4);
        const int t = 5, c = 8, heads = 2;
        var qkv = RandomArray(random, t * 3 * c, 2);
        var r = RandomArray(random, t * c);
        var output = new float[t * c];
        var probabilities = new float[heads * t * t];
        double Loss()
        {
            Attention.Forward(output, probabilities, qkv, t, c, heads, new Scratch());
            return Weighted(output, r);
        }
        Loss();
        var dqkv = new float[qkv.Length];
        Attention.Backward(dqkv, r, probabilities, qkv, t, c, heads, new Scratch());
        AssertMatches("qkv", qkv, dqkv, Loss);
        // Causality: the first position's output does not depend on later keys or values.
        var first = output[..c];
        qkv[(t - 1) * 3 * c + c] += 5f;
        Loss();
        Assert.Equal(first, output[..c]);
    }

    [Fact]
    public void Whole_model_every_parameter()
    {
        var config = new ModelConfig { VocabSize = 11, ContextLength = 9, Embedding = 8, Layers = 2, Heads = 2 };
        var model = Gpt.Create(config, seed: 5);
        // Larger weights than GPT-2's initial 0.02 so that every path carries a visible gradient.
        var random = new Random(6);
        for (var i = 0; i < model.Parameters.Length; i++) model.Parameters[i] += (float)(random.NextDouble() - 0.5) * 0.6f;
        int[] tokens = [1, 4, 7, 2, 9, 3, 3, 10, 0];
        const int firstTarget = 4;
        double Loss() => model.Forward(tokens, firstTarget);
        Loss();
        Array.Clear(model.Gradients);
        model.Backward(1f);
        var analytic = (float[])model.Gradients.Clone();
        foreach (var (name, _, offset, length) in model.Layout.Tensors)
        {
            var values = model.Parameters.AsSpan(offset, length).ToArray();
            var grads = analytic.AsSpan(offset, length).ToArray();
            // Check through a copy that is written back before each evaluation.
            AssertMatches(name, values, grads, () =>
            {
                values.CopyTo(model.Parameters.AsSpan(offset, length));
                return Loss();
            });
            values.CopyTo(model.Parameters.AsSpan(offset, length));
        }
        // Token 5 never appears in the input, yet the tied output head gives its embedding a gradient.
        Assert.All(model.Layout["wte.weight", analytic].Span.Slice(5 * 8, 8).ToArray(), g => Assert.NotEqual(0f, g));
    }
}
