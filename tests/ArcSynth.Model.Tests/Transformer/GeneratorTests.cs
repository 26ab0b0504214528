using ArcSynth.Model.Sampling;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Model.Tests.Transformer;

public sealed class GeneratorTests
{
    /// <summary>Any token except those listed, for a fixed number of tokens.</summary>
    private sealed class Budget(int length, int vocabulary, params int[] banned) : ITokenConstraint
    {
        public List<int> Seen { get; } = [];

        public void AllowedTokens(Span<bool> mask)
        {
            mask[..vocabulary].Fill(true);
            foreach (var b in banned) mask[b] = false;
        }

        public void Advance(int token) => Seen.Add(token);

        public bool IsComplete => Seen.Count >= length;
    }

    private static Gpt Model()
    {
        var model = Gpt.Create(new ModelConfig { VocabSize = 23, ContextLength = 40, Embedding = 16, Layers = 2, Heads = 4 }, seed: 11);
        // Sharper than the initial weights, so that greedy choices are well separated.
        for (var i = 0; i < model.Parameters.Length; i++) model.Parameters[i] *= 20f;
        return model;
    }

    [Fact]
    public void The_key_value_cache_gives_what_a_full_forward_gives()
    {
        var model = Model();
        int[] prompt = [3, 1, 4, 1, 5, 9, 2, 6];
        var streams = new[] { new Budget(12, 23), new Budget(12, 23, 0, 1, 2) };
        var sampled = new Generator(model).Sample(prompt, streams, new SamplingSettings { Temperature = 0f }, new Random(1));

        // The same greedy choices recomputed from scratch: the whole sequence through Forward at every step.
        for (var s = 0; s < streams.Length; s++)
        {
            var sequence = prompt.ToList();
            for (var k = 0; k < 12; k++)
            {
                model.Forward(sequence.ToArray());
                var hidden = model.Hidden(sequence.Count - 1).ToArray();
                var best = Enumerable.Range(0, 23).Where(t => s == 0 || t > 2)
                    .MaxBy(t => System.Numerics.Tensors.TensorPrimitives.Dot(hidden, model.Layout["wte.weight", model.Parameters].Span.Slice(t * 16, 16)));
                sequence.Add(best);
            }
            Assert.Equal(sequence.Skip(prompt.Length), sampled[s]!);
        }
        Assert.All(sampled[1]!, t => Assert.True(t > 2, "a banned token was sampled"));
    }

    [Fact]
    public void A_continuation_after_a_cached_prompt_samples_as_the_whole_prompt_does()
    {
        var model = Model();
        int[] prompt = [3, 1, 4, 1, 5, 9, 2, 6];
        var generator = new Generator(model);
        var settings = new SamplingSettings { Temperature = 0f };
        var whole = generator.Sample(prompt, [new Budget(10, 23), new Budget(10, 23, 7)], settings, new Random(1));
        var cached = generator.Prefill(prompt.AsSpan(0, 5));
        // One cache serves many continuations, each as if its whole prompt had run.
        for (var k = 0; k < 2; k++)
        {
            var continued = generator.Sample(cached, prompt.AsSpan(5), [new Budget(10, 23), new Budget(10, 23, 7)], settings, new Random(1));
            Assert.Equal(whole[0], continued[0]);
            Assert.Equal(whole[1], continued[1]);
        }
    }

    [Fact]
    public void Seeded_sampling_is_reproducible_and_seeds_differ()
    {
        var model = Model();
        int[] prompt = [7, 7, 3];
        IReadOnlyList<int[]?> Run(int seed) =>
            new Generator(model).Sample(prompt, Enumerable.Range(0, 6).Select(_ => new Budget(10, 23)).ToArray(), new SamplingSettings { Temperature = 1.5f, TopP = 1f }, new Random(seed));
        var a = Run(5);
        Assert.Equal(a, Run(5));
        Assert.NotEqual(a, Run(6));
    }

    [Fact]
    public void A_stream_that_cannot_finish_within_the_context_gives_null()
    {
        var model = Model();
        var sampled = new Generator(model).Sample(new int[35], [new Budget(10, 23)], new SamplingSettings(), new Random(1));
        Assert.Null(sampled[0]);
    }
}
