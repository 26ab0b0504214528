using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Model.Tests.Decoding;

/// <summary>Infilling (omnidirectional editing): a program's line masked, and the grammar that writes one line back.</summary>
public sealed class InfillingTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.For(PrimitiveRegistry.BuiltIn);
    private static readonly ProgramTokenizer Tokenizer = new(Vocabulary);

    private static IReadOnlyList<FunctionDef> Seeds => ProgramParser.Parse(File.ReadAllText(TestData.SeedsFile), TestData.SeedsFile).Functions;

    [Fact]
    public void A_masked_line_leaves_the_rest_of_the_program_and_putting_its_value_back_gives_the_program()
    {
        var fill = Vocabulary.Id("<fill>");
        foreach (var program in Seeds)
            for (var line = 0; line < program.Body.Count; line++)
            {
                var (masked, value) = Tokenizer.EncodeMasked(program, line);
                var at = masked.IndexOf(fill);
                Assert.Equal(1, masked.Count(t => t == fill));
                // "xK =" just before the mask, the line's end just after it and at the end of the value.
                Assert.Equal([Vocabulary.Id($"x{line + 1}"), Vocabulary.Id("=")], masked[(at - 2)..at]);
                Assert.Equal("\n", Vocabulary.Token(masked[at + 1]));
                Assert.Equal("\n", Vocabulary.Token(value[^1]));
                Assert.Equal(Tokenizer.Encode(program), [.. masked[..at], .. value[..^1], .. masked[(at + 1)..]]);
            }
    }

    [Fact]
    public void The_training_sequence_scores_the_value_alone_after_the_task_and_the_masked_program()
    {
        var program = Seeds.First(f => f.Body.Count >= 3);
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, $"{program.TaskId}.json"));
        var demonstrations = task.Train.Select(e => (e.Input, e.Output!)).ToList();
        var sequences = new SequenceBuilder(Vocabulary, 1024, 160);
        var (masked, value) = Tokenizer.EncodeMasked(program, 1);
        var sequence = sequences.Infill(demonstrations, program, 1)!;
        var (prompt, _) = sequences.Prompt(demonstrations);

        Assert.Equal([.. prompt, .. masked, Vocabulary.Id("<fill>"), .. value], sequence.Tokens);
        Assert.Equal(value.Count, sequence.Targets);
        Assert.Equal(sequence.Tokens[..sequence.FirstTarget], sequences.InfillPrompt(prompt, masked));
        // A program too long for the token budget has no sequence.
        Assert.Null(new SequenceBuilder(Vocabulary, 1024, masked.Count).Infill(demonstrations, program, 1));
    }

    [Fact]
    public void A_line_drawn_under_the_grammar_reads_only_names_in_scope_there_and_ends_with_the_line()
    {
        var grammar = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn, Vocabulary.MaxVariables);
        var random = new Random(7);
        var mask = new bool[Vocabulary.Count];
        var logits = new float[Vocabulary.Count];
        var (filled, outside) = (0, 0);
        var seeds = Seeds.Where(f => f.Body.Count >= 3).ToList();
        foreach (var program in seeds)
        {
            var line = program.Body.Count - 2;
            var (masked, value) = Tokenizer.EncodeMasked(program, line);
            var before = masked.TakeWhile(t => t != Vocabulary.Id("<fill>")).ToList();
            // The line's own value is one the grammar can write there.
            // A seed the sampler's grammar could not have written (a name where its type, as the grammar
            // infers it, does not fit) has no line state there.
            if (grammar.Line(before) is not { } own)
            {
                outside++;
                continue;
            }
            foreach (var t in value) own.Advance(t);
            Assert.True(own.IsComplete);
            for (var n = 0; n < 20; n++)
            {
                var state = grammar.Line(before)!;
                while (!state.IsComplete)
                {
                    for (var i = 0; i < logits.Length; i++) logits[i] = (float)(random.NextDouble() * 4);
                    state.AllowedTokens(mask);
                    state.Advance(TokenChoice.Draw(logits, mask, 1f, 1f, random));
                }
                var drawn = state.Tokens.Skip(before.Count).ToList();
                Assert.Equal("\n", Vocabulary.Token(drawn[^1]));
                // Names from x{line + 1} on are not in scope yet.
                Assert.DoesNotContain(drawn, t => Vocabulary.Token(t) is ['x', ..] name && int.Parse(name[1..]) > line);
                // Where the drawn value keeps the line's type, the program reads as a program of the DSL that type-checks.
                var candidate = Tokenizer.DecodeProgram([.. before, .. drawn, .. masked.Skip(before.Count + 2)]);
                if (TypeChecker.Check(candidate, PrimitiveRegistry.BuiltIn).Count == 0) filled++;
            }
        }
        Assert.True(outside < seeds.Count / 5, $"{outside} of {seeds.Count} seeds have no line state");
        Assert.True(filled > 0, "no drawn line gave a program that type-checks");
        // Tokens that are not a prefix of lines in the grammar have no line state.
        Assert.Null(grammar.Line([Vocabulary.Id("x2"), Vocabulary.Id("=")]));
        Assert.Null(grammar.Line([Vocabulary.Id("x1")]));
    }
}
