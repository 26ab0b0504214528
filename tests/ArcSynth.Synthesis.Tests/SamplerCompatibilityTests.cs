using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Training;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

public sealed class SamplerCompatibilityTests
{
    /// <summary>
    /// tests/data/checkpoint-7d4063f is a small model (1 layer, 32 wide, 60 updates on the seeds)
    /// saved by commit 7d4063f, before the program tokenizer became a Microsoft.ML.Tokenizers
    /// Tokenizer; beside it are the 12 programs that build sampled from it for 007bbfb7 with
    /// Random(11), temperature 1, under the grammar (8 lines, 96 tokens).
    /// </summary>
    [Fact]
    public void A_checkpoint_written_before_the_tokenizer_change_samples_the_same_programs()
    {
        var folder = Path.GetDirectoryName(TestData.File("checkpoint-7d4063f/config.json"))!;
        var (model, vocabulary, _) = Checkpoint.Load(folder);
        var grammar = new ProgramGrammar(vocabulary, PrimitiveRegistry.BuiltIn, 8);
        var sampler = new ProgramSampler(model, new SequenceBuilder(vocabulary, 768, 96), grammar.Start,
            new SamplingSettings { Temperature = 1f, TopP = 1f, MaxTokens = 96 });
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "007bbfb7.json"));

        var (programs, failed) = sampler.Sample(task.Id, task.Train.Select(e => (e.Input, e.Output!)).ToList(), 12, "c", new Random(11), CancellationToken.None);

        var expected = ProgramParser.Parse(File.ReadAllText(TestData.File("checkpoint-7d4063f-samples.py")), "checkpoint-7d4063f-samples.py").Functions;
        Assert.Equal(0, failed);
        Assert.Equal(expected.Select(ProgramPrinter.Print), programs.Select(ProgramPrinter.Print));
    }
}
