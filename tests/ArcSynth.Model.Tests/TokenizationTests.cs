using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Tokenization;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;
using Microsoft.ML.Tokenizers;

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
            var decoded = tokenizer.DecodeProgram(tokens, f.Name);
            Assert.Equal(tokens, tokenizer.Encode(decoded));
            Assert.Equal(f.Body.Count, decoded.Body.Count);
        }
    }

    [Fact]
    public void As_a_Microsoft_ML_tokenizer_it_encodes_program_text_with_offsets_into_that_text()
    {
        var ours = new ProgramTokenizer(Vocabulary);
        Tokenizer tokenizer = ours;
        var text = File.ReadAllText(Seeds);
        var programs = Programs(Seeds).ToList();
        // Each program's own text: from its def line to the next one's.
        var starts = programs.Select(f => Offset(text, f.At.Line)).Append(text.Length).ToList();
        for (var k = 0; k < programs.Count; k++)
        {
            var source = text[starts[k]..starts[k + 1]];
            var tokens = tokenizer.EncodeToTokens(source, out _);
            Assert.Equal(ours.Encode(programs[k]), tokens.Select(t => t.Id));
            Assert.Equal(tokens.Select(t => t.Id), tokenizer.EncodeToIds(source));
            Assert.Equal(tokens.Count, tokenizer.CountTokens(source));
            foreach (var t in tokens)
            {
                var written = source[t.Offset];
                // A variable is renamed (its offset holds the name as written); everything else is spelled as written.
                if (t.Value.Length > 1 && t.Value[0] == 'x' && char.IsDigit(t.Value[1])) Assert.Matches("^[A-Za-z_][A-Za-z_0-9]*$", written);
                else Assert.Equal(t.Value, written);
            }
        }
    }

    [Fact]
    public void Decoded_text_encodes_to_the_same_ids_and_a_short_destination_is_reported()
    {
        var tokenizer = new ProgramTokenizer(Vocabulary);
        var f = ProgramParser.ParseFunction("def p_x(I):\n    a = rot90(I)  # turn\n    b = shift(a,\n              astuple(-12, 3))\n    return b\n");
        var ids = tokenizer.Encode(f);
        var text = tokenizer.Decode(ids);
        Assert.Equal("def program(I):\n    x1 = rot90(I)\n    x2 = shift(x1, astuple(-12, 3))\n    return x2\n", text);
        Assert.Equal(ids, tokenizer.EncodeToIds(text));
        const string small = "def p_x(I):\n    a = rot90(I)  # turn\n    return a";
        Assert.Equal([("x1", "a"), ("=", "="), ("rot90", "rot90"), ("(", "("), ("I", "I"), (")", ")"), ("\n", "\n"), ("return", "return"), ("x1", "a")],
            tokenizer.EncodeToTokens(small, out _).Select(t => (t.Value, small[t.Offset])));

        var room = new char[text.Length];
        Assert.Equal(System.Buffers.OperationStatus.Done, tokenizer.Decode(ids, room, out var used, out var written));
        Assert.Equal((ids.Count, text.Length), (used, written));
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, tokenizer.Decode(ids, new char[20], out used, out written));
        Assert.Equal("def program(I):\n    x1", new string(room, 0, 22));
        Assert.True(written <= 20 && used < ids.Count, $"{used} ids in {written} chars");

        var first = tokenizer.EncodeToIds(text, maxTokenCount: 4, out _, out var consumed);
        Assert.Equal(ids.Take(4), first);
        Assert.Equal("def program(I):\n    x1 = rot90(", text[..consumed]);
    }

    [Fact]
    public void Its_vocabulary_is_a_dictionary_of_token_to_id()
    {
        IReadOnlyDictionary<string, int> vocabulary = new ProgramTokenizer(Vocabulary).Vocabulary;
        Assert.Equal(Vocabulary.Count, vocabulary.Count);
        Assert.Equal(Vocabulary.Id("rot90"), vocabulary["rot90"]);
        Assert.All(vocabulary, pair => Assert.Equal(pair.Key, Vocabulary.Token(pair.Value)));
        Assert.False(vocabulary.TryGetValue("not_a_token", out _));
    }

    private static int Offset(string text, int line)
    {
        var at = 0;
        for (var l = 1; l < line; l++) at = text.IndexOf('\n', at) + 1;
        return at;
    }

    [Fact]
    public void A_program_with_more_lines_than_variables_to_name_them_is_no_training_sequence_and_no_error()
    {
        // The search's insertions and splices grow programs past 99 lines; a run's training died on one.
        var lines = string.Concat(Enumerable.Range(1, Vocabulary.MaxVariables + 1).Select(k => $"    y{k} = rot90({(k == 1 ? "I" : $"y{k - 1}")})\n"));
        var program = ProgramParser.ParseFunction($"def long_one(I):\n{lines}    return y{Vocabulary.MaxVariables + 1}\n");
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, "3c9b0459.json"));
        var demonstrations = task.Train.Select(e => (e.Input, e.Output!)).ToList();
        var roomy = new ArcSynth.Model.Training.SequenceBuilder(Vocabulary, contextLength: 8192, maxProgramTokens: 4096);
        Assert.Null(roomy.Sequence(demonstrations, program));
        var shorter = program with { Body = program.Body.Take(Vocabulary.MaxVariables).ToList(), Result = new NameExpr($"y{Vocabulary.MaxVariables}", program.Result.At) };
        Assert.NotNull(roomy.Sequence(demonstrations, shorter));
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
        var extended = PrimitiveRegistry.BuiltIn.With(PrimitiveRegistry.FromType(typeof(TwicePrimitive)));
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
}
