using System.Diagnostics;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Tests.Shared;
using Xunit.Abstractions;

namespace ArcSynth.Model.Tests.Transformer;

public sealed class TrainingTests(ITestOutputHelper log)
{
    private static readonly Vocabulary Vocabulary = Vocabulary.For(PrimitiveRegistry.BuiltIn);

    /// <summary>
    /// The project's own seed programs and the hand-written test programs, each as
    /// <c>&lt;task&gt; its index's digits &lt;program&gt; program &lt;eos&gt;</c>: a distinct prompt per
    /// program, so a model that memorizes them all reaches near-zero loss.
    /// </summary>
    private static List<TrainingSequence> IndexedPrograms(int count)
    {
        var tokenizer = new ProgramTokenizer(Vocabulary);
        var programs = ProgramParser.Parse(File.ReadAllText(SeedsFile()), "seeds/training.py").Functions
            .Concat(ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py").Functions)
            .Take(count).ToList();
        Assert.Equal(count, programs.Count);
        return programs.Select((p, i) =>
        {
            int[] prompt = [Vocabulary.Id("<task>"), .. i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => Vocabulary.Id(d.ToString())), Vocabulary.Id("<program>")];
            return new TrainingSequence([.. prompt, .. tokenizer.Encode(p), Vocabulary.Id("<eos>")], prompt.Length);
        }).ToList();
    }

    private static string SeedsFile()
    {
        var data = TestData.File("handwritten.py");
        return Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(data)!)!)!, "seeds", "training.py");
    }

    private static ModelConfig Tiny(int context) => new() { VocabSize = Vocabulary.Count, ContextLength = context, Embedding = 48, Layers = 2, Heads = 2 };

    [Fact]
    public void A_tiny_model_overfits_50_programs()
    {
        var data = IndexedPrograms(50);
        var model = Gpt.Create(Tiny(data.Max(s => s.Tokens.Length)), seed: 1);
        const int steps = 150;
        var trainer = new Trainer(model, new AdamW(model.Layout.Size), new TrainingSettings { WeightDecay = 0f },
            new LearningRateSchedule(1e-2f, 10, steps));
        var watch = Stopwatch.StartNew();
        var first = trainer.Evaluate(data);
        for (var step = 0; step < steps; step++) trainer.Step(data);
        var last = trainer.Evaluate(data);
        log.WriteLine($"loss {first:F3} -> {last:F4} per token in {steps} steps, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(first > 4f, $"an untrained model starts near ln(V) = {Math.Log(Vocabulary.Count):F2}, not {first}");
        Assert.True(last < 0.05f, $"loss after {steps} full-batch steps is {last}");
    }

    [Fact]
    public void Save_and_load_round_trip_bit_exact_and_training_resumes_exactly()
    {
        var data = IndexedPrograms(8);
        var settings = new TrainingSettings { BatchSize = 8 };
        var schedule = new LearningRateSchedule(3e-3f, 2, 6);
        Trainer NewTrainer(Gpt m, AdamW o) => new(m, o, settings, schedule);

        var straight = Gpt.Create(Tiny(160), seed: 7);
        var straightTrainer = NewTrainer(straight, new AdamW(straight.Layout.Size));
        for (var s = 0; s < 4; s++) straightTrainer.Step(data);

        var halted = Gpt.Create(Tiny(160), seed: 7);
        var haltedOptimizer = new AdamW(halted.Layout.Size);
        var haltedTrainer = NewTrainer(halted, haltedOptimizer);
        for (var s = 0; s < 2; s++) haltedTrainer.Step(data);
        var folder = Path.Combine(Path.GetTempPath(), $"arcsynth-ckpt-{Guid.NewGuid():N}");
        try
        {
            Checkpoint.Save(folder, halted, Vocabulary, haltedOptimizer);
            var (loaded, vocabulary, optimizer) = Checkpoint.Load(folder);
            Assert.Equal(halted.Parameters, loaded.Parameters);
            Assert.Equal(haltedOptimizer.M, optimizer!.M);
            Assert.Equal(haltedOptimizer.V, optimizer.V);
            Assert.Equal(2, optimizer.Step);
            Assert.Equal(Vocabulary.Count, vocabulary.Count);
            Assert.Equal(halted.Config, loaded.Config);

            var resumed = NewTrainer(loaded, optimizer);
            for (var s = 0; s < 2; s++) resumed.Step(data);
            Assert.Equal(straight.Parameters, loaded.Parameters);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed_though_products_run_on_both_cores()
    {
        var data = IndexedPrograms(6);
        float[] Train()
        {
            var model = Gpt.Create(Tiny(160), seed: 3);
            var trainer = new Trainer(model, new AdamW(model.Layout.Size), new TrainingSettings(), new LearningRateSchedule(1e-3f, 1, 3));
            trainer.Step(data);
            trainer.Step(data);
            return model.Parameters;
        }
        Assert.Equal(Train(), Train());
    }
}
