using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Tokenization;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;
using Xunit.Abstractions;

namespace ArcSynth.Model.Tests.Decoding;

public sealed class ProgramGrammarTests(ITestOutputHelper log)
{
    private static readonly Vocabulary Vocabulary = Vocabulary.For(PrimitiveRegistry.BuiltIn);

    /// <summary>Programs drawn with random logits under the grammar: the grammar alone decides what is possible.</summary>
    private static List<int[]> RandomPrograms(int count, int seed, int maxLines = 8)
    {
        var grammar = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn, maxLines);
        var random = new Random(seed);
        var mask = new bool[Vocabulary.Count];
        var logits = new float[Vocabulary.Count];
        var programs = new List<int[]>();
        for (var n = 0; n < count; n++)
        {
            var state = grammar.Start();
            while (!state.IsComplete)
            {
                for (var i = 0; i < logits.Length; i++) logits[i] = (float)(random.NextDouble() * 4);
                state.AllowedTokens(mask);
                var token = TokenChoice.Draw(logits, mask, 1f, 1f, random);
                Assert.True(token >= 0, $"dead end after '{string.Join(" ", state.Tokens.Select(Vocabulary.Token))}'");
                state.Advance(token);
            }
            programs.Add([.. state.Tokens]);
        }
        return programs;
    }

    [Fact]
    public void Every_sampled_program_parses_type_checks_and_most_run_on_a_real_input()
    {
        var tokenizer = new ProgramTokenizer(Vocabulary);
        var input = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "007bbfb7.json")).Train[0].Input;
        var limits = Limits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        int ran = 0, grids = 0;
        var programs = RandomPrograms(2000, seed: 1);
        foreach (var tokens in programs)
        {
            var program = tokenizer.DecodeProgram(tokens);
            Assert.Empty(TypeChecker.Check(program, PrimitiveRegistry.BuiltIn));
            try
            {
                var output = CompiledProgram.Compile(program, PrimitiveRegistry.BuiltIn).Run(input);
                ran++;
                if (output is Grid { IsArcGrid: true }) grids++;
            }
            catch (Exception)
            {
                // Well-typed programs may still fail on a value (an empty container, say), as in CPython.
            }
        }
        log.WriteLine($"2000 sampled: 100% parse and type-check, {ran / 20.0:F1}% run without error, {grids / 20.0:F1}% give an ARC grid");
        Assert.True(ran > 700, $"only {ran} of 2000 ran");
    }

    [Fact]
    public void Lines_are_bounded_and_sampling_is_seeded()
    {
        var programs = RandomPrograms(300, seed: 2, maxLines: 3);
        Assert.All(programs, p => Assert.InRange(p.Count(t => t == Vocabulary.Id("\n")), 1, 3));
        Assert.Equal(programs, RandomPrograms(300, seed: 2, maxLines: 3));
    }

    [Fact]
    public void A_token_the_grammar_forbids_is_refused_with_the_prefix_named()
    {
        var state = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn).Start();
        state.Advance(Vocabulary.Id("x1"));
        state.Advance(Vocabulary.Id("="));
        state.Advance(Vocabulary.Id("hmirror"));
        state.Advance(Vocabulary.Id("("));
        var error = Assert.Throws<ArgumentException>(() => state.Advance(Vocabulary.Id("x2")));
        Assert.Contains("'x2' may not follow 'x1 = hmirror ('", error.Message);
        // return is not offered before a line exists, and only Grid-typed names may be returned.
        var fresh = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn).Start();
        Assert.Throws<ArgumentException>(() => fresh.Advance(Vocabulary.Id("return")));
    }

    [Fact]
    public void A_primitive_passed_as_a_function_takes_as_many_arguments_as_it_is_called_with()
    {
        // apply calls its function with one item, prapply with a pair: fill (3 arguments) fits neither.
        Assert.Equal((true, false, false), Offered("x1 = apply (", "size", "connect", "fill"));
        Assert.Equal((false, true, false), Offered("x1 = prapply (", "size", "connect", "fill"));
        // lbind's closure takes one argument fewer than its function, whatever that takes: any primitive goes.
        Assert.Equal((true, true, true), Offered("x1 = lbind (", "size", "connect", "fill"));
    }

    /// <summary>Whether the grammar offers each of three tokens after <paramref name="prefix"/> (tokens separated by spaces).</summary>
    private static (bool, bool, bool) Offered(string prefix, string a, string b, string c)
    {
        var state = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn).Start();
        foreach (var token in prefix.Split(' ')) state.Advance(Vocabulary.Id(token));
        var mask = new bool[Vocabulary.Count];
        state.AllowedTokens(mask);
        return (mask[Vocabulary.Id(a)], mask[Vocabulary.Id(b)], mask[Vocabulary.Id(c)]);
    }

    [Fact]
    public void A_line_returns_a_grid_only_where_its_primitive_gives_back_the_grid_it_was_given()
    {
        // vmirror(piece: Piece) -> Piece gives back a grid for a grid; apply(function, container) -> Container
        // over a grid gives a tuple of whatever the function returns, and sfilter over a grid a tuple of rows.
        Assert.True(Returnable("x1 = vmirror ( I )"));
        Assert.True(Returnable("x1 = upscale ( I , TWO )"));
        Assert.False(Returnable("x1 = apply ( first , I )"));
        Assert.False(Returnable("x1 = sfilter ( I , positive )"));
    }

    /// <summary>Whether, after the one line <paramref name="line"/> (tokens separated by spaces), the grammar lets the program return x1.</summary>
    private static bool Returnable(string line)
    {
        var state = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn).Start();
        foreach (var token in line.Split(' ').Append("\n")) state.Advance(Vocabulary.Id(token));
        // With x1 the only variable, return is offered exactly when x1 may be returned.
        var mask = new bool[Vocabulary.Count];
        state.AllowedTokens(mask);
        return mask[Vocabulary.Id("return")];
    }

    [Fact]
    public void Seed_programs_written_in_the_grammars_form_are_accepted_token_by_token()
    {
        var seeds = ProgramParser.Parse(File.ReadAllText(SeedsFile()), "seeds/training.py").Functions;
        var tokenizer = new ProgramTokenizer(Vocabulary);
        var grammar = new ProgramGrammar(Vocabulary, PrimitiveRegistry.BuiltIn, 40);
        var accepted = 0;
        foreach (var seed in seeds)
        {
            var state = grammar.Start();
            try
            {
                foreach (var t in tokenizer.Encode(seed)) state.Advance(t);
                accepted += state.IsComplete ? 1 : 0;
            }
            catch (ArgumentException e)
            {
                log.WriteLine(seed.Name + ": " + e.Message);
                // Calls of variables, integer literals or arguments the lattice does not admit are outside the sampler's form.
            }
        }
        log.WriteLine($"{accepted} of {seeds.Count} seed programs are in the grammar's form");
        Assert.True(accepted >= seeds.Count * 9 / 10, $"only {accepted} of {seeds.Count}");
    }

    private static string SeedsFile() =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(TestData.File("handwritten.py"))!)!)!, "seeds", "training.py");
}
