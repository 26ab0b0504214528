using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Tokenization;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Model.Tests;

public sealed class TokenizationTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.For(PrimitiveRegistry.BuiltIn);

    private static IEnumerable<FunctionDef> Programs(string path) => ProgramParser.Parse(File.ReadAllText(path), path).Functions;

    private static string Seeds => Path.Combine(Path.GetDirectoryName(TestData.File("handwritten.py"))!, "..", "..", "seeds", "training.py");

    [Fact]
    public void Programs_round_trip_through_tokens_up_to_variable_names()
    {
        var tokenizer = new ProgramTokenizer(Vocabulary);
        foreach (var f in Programs(Seeds).Concat(Programs(TestData.File("handwritten.py"))))
        {
            var tokens = tokenizer.Encode(f);
            var decoded = tokenizer.Decode(tokens, f.Name);
            Assert.Equal(tokens, tokenizer.Encode(decoded));
            Assert.Equal(f.Body.Count, decoded.Body.Count);
        }
    }

    [Fact]
    public void Renames_variables_in_assignment_order_and_spells_literals()
    {
        var tokenizer = new ProgramTokenizer(Vocabulary);
        var f = ProgramParser.ParseFunction("def p_x(I):\n    a = rot90(I)\n    b = shift(a, astuple(-12, 3))\n    a = hmirror(a)\n    return a\n");
        var text = string.Join(" ", tokenizer.Encode(f).Select(Vocabulary.Token)).Replace("\n", "NL");
        Assert.Equal("x1 = rot90 ( I ) NL x2 = shift ( x1 , astuple ( - 1 2 , 3 ) ) NL x3 = hmirror ( x1 ) NL return x3", text);
    }

    [Fact]
    public void A_new_primitive_gets_a_new_id_and_every_existing_id_stays()
    {
        var extended = PrimitiveRegistry.BuiltIn.With(PrimitiveRegistry.FromType(typeof(Extra)));
        var grown = Vocabulary.Extend(extended);
        Assert.Equal(Vocabulary.Count + 1, grown.Count);
        for (var id = 0; id < Vocabulary.Count; id++) Assert.Equal(Vocabulary.Token(id), grown.Token(id));
        Assert.Equal(Vocabulary.Count, grown.Id("twice"));
        Assert.Equal(grown.Count, Vocabulary.FromJson(grown.ToJson()).Count);
        Assert.Equal(Vocabulary.Count, Vocabulary.For(PrimitiveRegistry.BuiltIn).Count);
    }

    [Fact]
    public void Real_tasks_encode_and_their_grids_decode_back()
    {
        var encoder = new TaskEncoder(Vocabulary);
        foreach (var task in ArcTaskLoader.LoadFolder(TestData.Training).Take(60))
        {
            var encoded = encoder.Encode(task.Train.Select(e => (e.Input, e.Output!)).ToList(), task.Test[0].Input, budget: 100_000);
            Assert.Equal(0, encoded.CutPairs);
            var at = 1;
            foreach (var e in task.Train)
            {
                Assert.Equal("<input>", Vocabulary.Token(encoded.Tokens[at++]));
                Assert.Equal(e.Input, encoder.ReadGrid(encoded.Tokens, ref at));
                Assert.Equal("<output>", Vocabulary.Token(encoded.Tokens[at++]));
                Assert.Equal(e.Output, encoder.ReadGrid(encoded.Tokens, ref at));
            }
            Assert.Equal("<test>", Vocabulary.Token(encoded.Tokens[at++]));
            Assert.Equal(task.Test[0].Input, encoder.ReadGrid(encoded.Tokens, ref at));
            Assert.Equal(encoded.Tokens.Count, at);
        }
    }

    [Fact]
    public void A_budget_cut_is_explicit_and_counted()
    {
        var encoder = new TaskEncoder(Vocabulary);
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "007bbfb7.json"));
        var demos = task.Train.Select(e => (e.Input, e.Output!)).ToList();
        var full = encoder.Encode(demos, task.Test[0].Input, budget: 100_000);
        var cut = encoder.Encode(demos, task.Test[0].Input, budget: full.Tokens.Count - 1);
        Assert.True(cut.CutPairs >= 1);
        Assert.Contains(Vocabulary.Id("<cut>"), cut.Tokens);
        Assert.True(cut.Tokens.Count < full.Tokens.Count);
        Assert.Equal(Vocabulary.Id("<test>"), cut.Tokens[cut.Tokens.Count - 1 - CountGrid(encoder, task.Test[0].Input)]);
    }

    [Fact]
    public void Grids_take_the_shorter_of_dense_and_sparse()
    {
        var encoder = new TaskEncoder(Vocabulary);
        var empty = new Grid(30, 30, new int[900]);
        var tokens = new List<int>();
        encoder.Grid(empty, tokens);
        Assert.Equal(["<sparse>", "n30", "n30", "c0"], tokens.Select(Vocabulary.Token));
        tokens.Clear();
        encoder.Grid(Grid.FromRows([[1, 2], [3, 4]]), tokens);
        Assert.Equal("<grid>", Vocabulary.Token(tokens[0]));
        Assert.Equal(3 + 2 * 3, tokens.Count);
    }

    private static int CountGrid(TaskEncoder encoder, Grid g)
    {
        var t = new List<int>();
        encoder.Grid(g, t);
        return t.Count;
    }

    private static class Extra
    {
        [Primitive("twice(n: Integer) -> Integer", "double")]
        public static Value Twice(Value n) => Int.Of(2 * Py.AsInt(n));
    }
}
