using System.CommandLine;
using ArcSynth.Cli.Benchmarks;
using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Benchmarks;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth model bench</c>: parameters, GEMM GFLOP/s beside OpenBLAS, training and sampling throughput.</summary>
internal static class ModelBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<FileInfo?>("--config") { Description = "A model config.json (default: the default model for the built-in vocabulary)." };
        var length = new Option<int>("--seq-len") { Description = "Tokens per training sequence.", DefaultValueFactory = _ => 512 };
        var scored = new Option<int>("--scored") { Description = "Scored (program) tokens at the end of each sequence.", DefaultValueFactory = _ => 64 };
        var batch = new Option<int>("--batch") { Description = "Sequences per training step.", DefaultValueFactory = _ => 8 };
        var steps = new Option<int>("--steps") { Description = "Timed training steps (after one warm-up step).", DefaultValueFactory = _ => 3 };
        var pytorch = new Option<bool>("--pytorch") { Description = "Also run bench/pytorch_train.py with the same shapes (needs Debian's python3-torch) and print the ratio." };
        var command = new Command("bench",
            "Measure the model on this machine: params=, gemm_* (GFLOP/s of the model's GEMM and of OpenBLAS sgemm at\n" +
            "the model's shapes, side by side), train_tokens_per_s= on random sequences of fixed shape (the same\n" +
            "shapes as bench/pytorch_train.py), sample_programs_per_s= under the DSL grammar.")
        {
            config, length, scored, batch, steps, pytorch,
        };
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var model = parse.GetValue(config) is { } file
                ? ModelConfig.FromJson(File.ReadAllText(file.FullName), file.FullName)
                : new ModelConfig { VocabSize = Vocabulary.For(PrimitiveRegistry.BuiltIn).Count };
            int t = parse.GetValue(length), s = parse.GetValue(scored);
            if (t > model.ContextLength || s < 1 || s >= t) throw new UsageException($"--seq-len {t} and --scored {s} must satisfy 0 < scored < seq-len <= context {model.ContextLength}");
            output.WriteLine($"params={model.ParameterCount} layers={model.Layers} embd={model.Embedding} heads={model.Heads} context={model.ContextLength} vocab={model.VocabSize}");
            var blas = OpenBlas.Available;
            foreach (var (name, m, n, k) in ModelBenchmark.GemmShapes(model, t))
            {
                var ours = ModelBenchmark.GemmGflops(m, n, k);
                var line = $"gemm {name,-12} M={m} N={n} K={k}: ours_gflops={ours:F1}";
                if (blas)
                {
                    var theirs = ModelBenchmark.GemmGflops(m, n, k, (a, b, c) => OpenBlas.MatMulTransB(a, b, c, m, n, k));
                    line += $" openblas_gflops={theirs:F1} ratio={ours / theirs:F2}";
                }
                output.WriteLine(line);
            }
            if (!blas) output.WriteLine("openblas: libopenblas.so.0 not found (apt-get install libopenblas0-pthread) - no comparison");
            var batchSize = parse.GetValue(batch);
            output.WriteLine($"train: seq_len={t} scored={s} batch={batchSize}");
            var trained = ModelBenchmark.TrainTokensPerSecond(model, t, s, batchSize, Math.Max(1, parse.GetValue(steps)));
            output.WriteLine($"train_tokens_per_s={trained:F0}");
            if (parse.GetValue(pytorch))
            {
                var theirs = PyTorchBench.TrainTokensPerSecond(parse.GetValue(config)?.FullName, t, s, batchSize, Math.Max(1, parse.GetValue(steps)));
                output.WriteLine($"pytorch_train_tokens_per_s={theirs:F0} ratio={trained / theirs:F2}");
            }
            output.WriteLine($"sample: prompt={t - s} streams=32 grammar=DSL");
            var vocabulary = Vocabulary.For(PrimitiveRegistry.BuiltIn);
            if (vocabulary.Count != model.VocabSize) throw new UsageException($"sampling needs the built-in vocabulary of {vocabulary.Count} tokens; the config has {model.VocabSize}");
            output.WriteLine($"sample_programs_per_s={ModelBenchmark.SampleProgramsPerSecond(model, vocabulary, PrimitiveRegistry.BuiltIn, t - s, 32, 3):F1}");
            return 0;
        }));
        return command;
    }
}
