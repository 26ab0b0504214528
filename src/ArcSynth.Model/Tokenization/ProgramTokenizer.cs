using System.Buffers;
using System.Globalization;
using System.Text;
using ArcSynth.Dsl.Language.Syntax;
using Microsoft.ML.Tokenizers;

namespace ArcSynth.Model.Tokenization;

/// <summary>
/// Programs as tokens: the body lines and the return, with variables renamed x1, x2, ... in the
/// order they are assigned (names carry no meaning in the language), integer literals as a sign and
/// digits. <see cref="DecodeProgram"/> gives the program back: decoding an encoding yields the same
/// program up to that renaming.
/// As a <see cref="Tokenizer"/> of Microsoft.ML.Tokenizers it reads a program's text (one
/// <c>def name(I): ...</c> in arc-dsl's form): each token's <see cref="EncodedToken.Offset"/> is the
/// source text it stands for (a renamed variable points at the name as written; a line's end at its
/// newline, or at the text's end), and <see cref="Tokenizer.Decode(IEnumerable{int})"/> writes
/// <c>def program(I):</c> with the body, which encodes to the same ids.
/// </summary>
public sealed class ProgramTokenizer(Vocabulary vocabulary) : Tokenizer
{
    /// <summary>The token of every id, and the id of every token.</summary>
    public Vocabulary Vocabulary => vocabulary;

    public List<int> Encode(FunctionDef program) => Walk(program).Select(vocabulary.Id).ToList();

    /// <summary>
    /// The program's tokens with the value of line <paramref name="line"/> (its call, between <c>=</c>
    /// and the line's end) replaced by <c>&lt;fill&gt;</c>, and that value's tokens with the line's end:
    /// what infilling reads and what it writes.
    /// </summary>
    public (List<int> Masked, List<int> Value) EncodeMasked(FunctionDef program, int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, program.Body.Count);
        var tokens = Encode(program);
        var newline = vocabulary.Id("\n");
        var start = 0;
        for (var k = 0; k < line; k++) start = tokens.IndexOf(newline, start) + 1;
        // Past "xK" and "=".
        start += 2;
        var end = tokens.IndexOf(newline, start);
        return ([.. tokens[..start], vocabulary.Id("<fill>"), .. tokens[end..]], tokens[start..(end + 1)]);
    }

    /// <summary>The program the tokens spell, named <paramref name="name"/>; throws <see cref="ProgramException"/> when they do not spell one.</summary>
    public FunctionDef DecodeProgram(IEnumerable<int> tokens, string name = "program") =>
        ProgramParser.ParseFunction(Text(tokens, name), "<decoded>");

    /// <summary>The tokens of a program in the order they are read; variables already renamed.</summary>
    private static IEnumerable<string> Walk(FunctionDef program)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [program.Parameters[0].Name] = "I" };
        var assigned = 0;
        foreach (var a in program.Body)
        {
            // The value first, with the names in force before this line (x1 = f(x1) reads the old x1).
            var value = new List<string>();
            Expr(a.Value, names, value);
            if (++assigned > Vocabulary.MaxVariables)
                throw new ArgumentException($"{program.Name} assigns more than {Vocabulary.MaxVariables} variables");
            names[a.Target] = $"x{assigned}";
            yield return names[a.Target];
            yield return "=";
            foreach (var t in value) yield return t;
            yield return "\n";
        }
        yield return "return";
        var result = new List<string>();
        Expr(program.Result, names, result);
        foreach (var t in result) yield return t;
    }

    private static void Expr(Expr e, Dictionary<string, string> names, List<string> tokens)
    {
        switch (e)
        {
            case NameExpr n:
                tokens.Add(names.GetValueOrDefault(n.Name, n.Name));
                break;
            case IntExpr i:
                if (i.Value < 0) tokens.Add("-");
                foreach (var d in Math.Abs((long)i.Value).ToString(CultureInfo.InvariantCulture)) tokens.Add(d.ToString());
                break;
            case CallExpr c:
                Expr(c.Callee, names, tokens);
                tokens.Add("(");
                for (var k = 0; k < c.Args.Count; k++)
                {
                    if (k > 0) tokens.Add(",");
                    Expr(c.Args[k], names, tokens);
                }
                tokens.Add(")");
                break;
        }
    }

    /// <summary>The text of the program the tokens spell, a token at a time.</summary>
    private IEnumerable<string> Pieces(IEnumerable<int> tokens, string name)
    {
        yield return $"def {name}(I):\n    ";
        foreach (var id in tokens)
            yield return vocabulary.Token(id) switch
            {
                "\n" => "\n    ",
                "return" => "return ",
                "," => ", ",
                "=" => " = ",
                var t => t,
            };
        yield return "\n";
    }

    private string Text(IEnumerable<int> tokens, string name) => string.Concat(Pieces(tokens, name));

    /// <inheritdoc/>
    protected override EncodeResults<EncodedToken> EncodeToTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        var source = text ?? textSpan.ToString();
        var program = ProgramParser.ParseFunction(source, "<text>");
        var reader = new SourceReader(source, program);
        var tokens = new List<EncodedToken>();
        var cut = false;
        foreach (var token in Walk(program))
        {
            if (cut = tokens.Count == settings.MaxTokenCount) break;
            tokens.Add(new EncodedToken(vocabulary.Id(token), token, reader.Next(token)));
        }
        // Cut short, the text consumed ends with the last token kept.
        var consumed = !cut ? source.Length : tokens.Count == 0 ? 0 : tokens[^1].Offset.End.Value;
        return new EncodeResults<EncodedToken> { Tokens = tokens, NormalizedText = null, CharsConsumed = consumed };
    }

    /// <inheritdoc/>
    public override string Decode(IEnumerable<int> ids) => Text(ids, "program");

    /// <inheritdoc/>
    public override OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        idsConsumed = 0;
        charsWritten = 0;
        // The header, a piece per id, and the closing newline.
        var pieces = Pieces(ids, "program").ToList();
        for (var k = 0; k < pieces.Count; k++)
        {
            if (pieces[k].Length > destination.Length - charsWritten) return OperationStatus.DestinationTooSmall;
            pieces[k].CopyTo(destination[charsWritten..]);
            charsWritten += pieces[k].Length;
            if (k > 0 && k < pieces.Count - 1) idsConsumed++;
        }
        return OperationStatus.Done;
    }

    /// <summary>
    /// Finds, left to right, the source text of each token of a program that parsed: a name token
    /// (renamed or not) is the next identifier, punctuation and digits the next such character, a
    /// line's end the next newline (the text's end after the last line). Comments are skipped.
    /// </summary>
    private sealed class SourceReader
    {
        private readonly string _text;
        private int _at;

        public SourceReader(string text, FunctionDef program)
        {
            _text = text;
            // The body starts on the line of its first statement (of the return, when it is empty): the header is not encoded.
            var line = program.Body.Count > 0 ? program.Body[0].At.Line : program.Result.At.Line;
            for (var l = 1; l < line; l++) _at = text.IndexOf('\n', _at) + 1;
        }

        public Range Next(string token)
        {
            if (token == "\n")
            {
                var end = _text.IndexOf('\n', _at);
                if (end < 0) return new Range(_text.Length, _text.Length);
                _at = end + 1;
                return new Range(end, end + 1);
            }
            SkipBlanks();
            var start = _at;
            if (char.IsLetter(token[0]) || token[0] == '_')
                while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_')) _at++;
            else _at++;
            return new Range(start, _at);
        }

        /// <summary>Past spaces, comments and the line breaks inside a call's parentheses.</summary>
        private void SkipBlanks()
        {
            while (_at < _text.Length)
            {
                if (_text[_at] == '#') while (_at < _text.Length && _text[_at] != '\n') _at++;
                else if (char.IsWhiteSpace(_text[_at])) _at++;
                else return;
            }
        }
    }
}
