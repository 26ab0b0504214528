using System.Numerics.Tensors;
using ArcSynth.Model.Transformer;
using ArcSynth.Model.Transformer.Layers;

namespace ArcSynth.Model.Sampling;

/// <summary>
/// Batched sampling with a key/value cache: the prompt runs once through <see cref="Gpt.Forward"/>,
/// whose per-layer keys and values every stream then shares; each stream keeps only the keys and
/// values of its own tokens, and each step feeds all unfinished streams' last tokens through the
/// blocks as one batch of rows. Each stream's tokens are drawn under its <see cref="ITokenConstraint"/>.
/// </summary>
public sealed class Generator(Gpt model)
{
    /// <summary>
    /// One token list per stream (without <c>&lt;eos&gt;</c>), or null for a stream that did not
    /// complete within <see cref="SamplingSettings.MaxTokens"/> or the context. <paramref name="cancellation"/>
    /// is looked at before every token, so a pause or a stopping node does not wait for a batch of long streams.
    /// </summary>
    public IReadOnlyList<int[]?> Sample(ReadOnlySpan<int> prompt, IReadOnlyList<ITokenConstraint> streams, SamplingSettings settings, Random random,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Sample(Prefill(prompt), [], streams, settings, random, cancellation);
    }

    /// <summary>The keys and values of <paramref name="prompt"/> at every layer, from one <see cref="Gpt.Forward"/>: many samplings can start from them.</summary>
    public PromptCache Prefill(ReadOnlySpan<int> prompt)
    {
        model.Forward(prompt);
        return new PromptCache(prompt.Length, Enumerable.Range(0, model.Config.Layers).Select(l => model.KeysAndValues(l).ToArray()).ToArray(),
            model.Hidden(prompt.Length - 1).ToArray());
    }

    /// <summary>
    /// As <see cref="Sample(ReadOnlySpan{int}, IReadOnlyList{ITokenConstraint}, SamplingSettings, Random, CancellationToken)"/>,
    /// for the cached prompt followed by <paramref name="continuation"/>: the continuation runs through the
    /// blocks a token at a time over the cache, once, and every stream starts from it. Infilling samples many
    /// lines of many programs after one task's prompt this way, running the task's grids once.
    /// </summary>
    public IReadOnlyList<int[]?> Sample(PromptCache cached, ReadOnlySpan<int> continuation, IReadOnlyList<ITokenConstraint> streams, SamplingSettings settings,
        Random random, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var config = model.Config;
        int c = config.Embedding, v = config.VocabSize, n = streams.Count, tp = cached.Length, m = continuation.Length;
        var maxTokens = Math.Min(settings.MaxTokens, config.ContextLength - tp - m);
        var results = new int[]?[n];
        if (n == 0 || maxTokens <= 0) return results;

        // Each stream's own keys and values: the continuation's, then its own tokens'.
        var own = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, config.Layers).Select(_ => new float[(m + maxTokens) * 3 * c]).ToArray()).ToArray();
        var tokens = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var mask = new bool[v];
        var logits = new float[n * v];
        var last = new int[n];
        var work = new StepBuffers(n, c);

        // The first token of every stream comes from the last position before it: the prompt's, or the continuation's.
        List<int> first = [0];
        if (m == 0)
        {
            var head = new float[n * c];
            for (var s = 0; s < n; s++) cached.LastHidden.CopyTo(head.AsSpan(s * c, c));
            Linear.Forward(logits, 0, head, 0, model.TokenEmbedding, null, n, c, v);
        }
        else
        {
            for (var g = 0; g < m; g++)
            {
                last[0] = continuation[g];
                Step(first, last, g, cached, own, work, logits);
            }
            for (var s = 1; s < n; s++)
            {
                for (var l = 0; l < config.Layers; l++) own[0][l].AsSpan(0, m * 3 * c).CopyTo(own[s][l]);
                logits.AsSpan(0, v).CopyTo(logits.AsSpan(s * v, v));
            }
        }
        var active = Enumerable.Range(0, n).ToList();
        Draw(active, logits, streams, tokens, mask, settings, random);

        for (var g = 0; g < maxTokens; g++)
        {
            active.RemoveAll(s => streams[s].IsComplete || tokens[s].Count == 0 || tokens[s][^1] < 0);
            if (active.Count == 0 || g == maxTokens - 1) break;
            cancellation.ThrowIfCancellationRequested();
            foreach (var s in active) last[s] = tokens[s][^1];
            Step(active, last, m + g, cached, own, work, logits);
            Draw(active, logits, streams, tokens, mask, settings, random);
        }
        for (var s = 0; s < n; s++)
            if (streams[s].IsComplete)
                results[s] = tokens[s].Where(t => t >= 0).ToArray();
        return results;
    }

    private static void Draw(List<int> active, float[] logits, IReadOnlyList<ITokenConstraint> streams, List<int>[] tokens, bool[] mask, SamplingSettings settings, Random random)
    {
        var v = mask.Length;
        for (var r = 0; r < active.Count; r++)
        {
            var s = active[r];
            streams[s].AllowedTokens(mask);
            var token = TokenChoice.Draw(logits.AsSpan(r * v, v), mask, settings.Temperature, settings.TopP, random);
            tokens[s].Add(token);
            if (token >= 0) streams[s].Advance(token);
        }
    }

    /// <summary>
    /// Feeds each active stream's token <paramref name="last"/>[s] through the blocks at its own position
    /// <paramref name="g"/> (the prompt's length + g); leaves next-token logits row by row in <paramref name="logits"/>.
    /// </summary>
    private void Step(List<int> active, int[] last, int g, PromptCache cached, float[][][] own, StepBuffers w, float[] logits)
    {
        var config = model.Config;
        int c = config.Embedding, n = active.Count, h = config.Heads, hs = c / h, tp = cached.Length;
        var scale = 1f / MathF.Sqrt(hs);
        var wte = model.TokenEmbedding.Span;
        var wpe = model.PositionEmbedding.Span;
        for (var r = 0; r < n; r++)
            TensorPrimitives.Add(wte.Slice(last[active[r]] * c, c), wpe.Slice((tp + g) * c, c), w.X.AsSpan(r * c, c));
        for (var l = 0; l < config.Layers; l++)
        {
            var b = model.Blocks[l];
            LayerNorm.Forward(w.Norm, w.Mean, w.Rstd, w.X, b.Ln1W.Span, b.Ln1B.Span, n, c);
            Linear.Forward(w.Qkv, 0, w.Norm, 0, b.QkvW, b.QkvB, n, c, 3 * c);
            var keys = cached.KeysAndValues[l];
            Parallel.For(0, n, r =>
            {
                var cache = own[active[r]][l];
                w.Qkv.AsSpan(r * 3 * c, 3 * c).CopyTo(cache.AsSpan(g * 3 * c));
                var scores = new float[tp + g + 1];
                for (var head = 0; head < h; head++)
                {
                    var q = w.Qkv.AsSpan(r * 3 * c + head * hs, hs);
                    var max = float.NegativeInfinity;
                    for (var j = 0; j < scores.Length; j++)
                    {
                        var k = j < tp ? keys.AsSpan(j * 3 * c + c + head * hs, hs) : cache.AsSpan((j - tp) * 3 * c + c + head * hs, hs);
                        max = MathF.Max(max, scores[j] = TensorPrimitives.Dot(q, k) * scale);
                    }
                    var sum = 0f;
                    for (var j = 0; j < scores.Length; j++) sum += scores[j] = MathF.Exp(scores[j] - max);
                    var o = w.Atty.AsSpan(r * c + head * hs, hs);
                    o.Clear();
                    for (var j = 0; j < scores.Length; j++)
                    {
                        var value = j < tp ? keys.AsSpan(j * 3 * c + 2 * c + head * hs, hs) : cache.AsSpan((j - tp) * 3 * c + 2 * c + head * hs, hs);
                        TensorPrimitives.MultiplyAdd(value, scores[j] / sum, o, o);
                    }
                }
            });
            Linear.Forward(w.Proj, 0, w.Atty, 0, b.ProjW, b.ProjB, n, c, c);
            TensorPrimitives.Add(w.X.AsSpan(0, n * c), w.Proj.AsSpan(0, n * c), w.X.AsSpan(0, n * c));
            LayerNorm.Forward(w.Norm, w.Mean, w.Rstd, w.X, b.Ln2W.Span, b.Ln2B.Span, n, c);
            Linear.Forward(w.Fc, 0, w.Norm, 0, b.FcW, b.FcB, n, c, 4 * c);
            Gelu.Forward(w.Fc.AsSpan(0, n * 4 * c), w.Fc.AsSpan(0, n * 4 * c));
            Linear.Forward(w.Proj, 0, w.Fc, 0, b.FcProjW, b.FcProjB, n, 4 * c, c);
            TensorPrimitives.Add(w.X.AsSpan(0, n * c), w.Proj.AsSpan(0, n * c), w.X.AsSpan(0, n * c));
        }
        LayerNorm.Forward(w.Norm, w.Mean, w.Rstd, w.X, model.FinalNormWeight.Span, model.FinalNormBias.Span, n, c);
        Linear.Forward(logits, 0, w.Norm, 0, model.TokenEmbedding, null, n, c, config.VocabSize);
    }

    /// <summary>The rows of one decoding step, sized for every stream.</summary>
    private sealed class StepBuffers(int n, int c)
    {
        public readonly float[] X = new float[n * c], Norm = new float[n * c], Mean = new float[n], Rstd = new float[n];
        public readonly float[] Qkv = new float[n * 3 * c], Atty = new float[n * c], Proj = new float[n * c], Fc = new float[n * 4 * c];
    }
}
