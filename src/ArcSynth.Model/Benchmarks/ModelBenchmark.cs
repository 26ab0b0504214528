using System.Diagnostics;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Model.Benchmarks;

/// <summary>
/// Fixed-shape measurements of the model's hot paths, so that they compare with other
/// implementations of the same shapes (bench/pytorch_train.py mirrors <see cref="TrainTokensPerSecond"/>).
/// </summary>
public static class ModelBenchmark
{
    /// <summary>The products a training step runs for one sequence of <paramref name="t"/> tokens: (M, N, K) of C[M,N] = A[M,K]·B[N,K]ᵀ.</summary>
    public static IReadOnlyList<(string Name, int M, int N, int K)> GemmShapes(ModelConfig config, int t)
    {
        var c = config.Embedding;
        return
        [
            ("qkv", t, 3 * c, c), ("attn.proj", t, c, c), ("mlp.fc", t, 4 * c, c), ("mlp.proj", t, c, 4 * c),
            ("mlp.fc dW", 4 * c, c, t), ("mlp.proj dX", t, 4 * c, c),
        ];
    }

    /// <summary>GFLOP/s of <see cref="Gemm.MatMulTransB"/> at one shape, best of a few timed rounds.</summary>
    public static double GemmGflops(int m, int n, int k, Action<float[], float[], float[]>? other = null)
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, n * k).Select(_ => (float)random.NextDouble()).ToArray();
        var c = new float[m * n];
        var run = other ?? ((x, y, z) => Gemm.MatMulTransB(x, 0, y, 0, z, 0, m, n, k, accumulate: false));
        var flops = 2.0 * m * n * k;
        var repeats = Math.Max(1, (int)(2e8 / flops));
        run(a, b, c);
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var r = 0; r < repeats; r++) run(a, b, c);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / repeats);
        }
        return flops / best / 1e9;
    }

    /// <summary>
    /// Programs per second sampled under the DSL grammar: <paramref name="streams"/> streams share one
    /// random prompt of <paramref name="promptTokens"/> tokens, as the loop samples a task; repeated
    /// <paramref name="rounds"/> times.
    /// </summary>
    public static double SampleProgramsPerSecond(ModelConfig config, Tokenization.Vocabulary vocabulary, Dsl.Registry.PrimitiveRegistry registry, int promptTokens, int streams, int rounds)
    {
        var model = Gpt.Create(config, seed: 1);
        var grammar = new Decoding.ProgramGrammar(vocabulary, registry, maxLines: 12);
        var random = new Random(3);
        var prompt = Enumerable.Range(0, promptTokens).Select(_ => random.Next(config.VocabSize)).ToArray();
        var generator = new Sampling.Generator(model);
        var settings = new Sampling.SamplingSettings { MaxTokens = 160 };
        int Round() => generator.Sample(prompt, Enumerable.Range(0, streams).Select(_ => grammar.Start()).ToArray(), settings, random).Count(p => p is not null);
        Round();
        var clock = Stopwatch.StartNew();
        var programs = 0;
        for (var r = 0; r < rounds; r++) programs += Round();
        return programs / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Tokens per second of full training steps (forward, backward, clipping, AdamW) on random
    /// sequences of <paramref name="t"/> tokens with the last <paramref name="scored"/> scored,
    /// <paramref name="batch"/> sequences per step.
    /// </summary>
    public static double TrainTokensPerSecond(ModelConfig config, int t, int scored, int batch, int steps)
    {
        var model = Gpt.Create(config, seed: 1);
        var random = new Random(2);
        var data = Enumerable.Range(0, batch)
            .Select(_ => new TrainingSequence(Enumerable.Range(0, t).Select(_ => random.Next(config.VocabSize)).ToArray(), t - scored)).ToList();
        var trainer = new Trainer(model, new AdamW(model.Layout.Size), new TrainingSettings { BatchSize = batch }, new LearningRateSchedule(1e-3f, 1, steps + 1));
        trainer.Step(data);
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < steps; s++) trainer.Step(data);
        return (double)t * batch * steps / clock.Elapsed.TotalSeconds;
    }
}
