using System.Text;

namespace ArcSynth.Dsl.Language.Syntax;

/// <summary>
/// The functions of a programs file; <see cref="Errors"/> holds every diagnostic, and
/// <see cref="Broken"/> the functions whose name is known but whose def line or body could not be
/// parsed. When a name is defined twice the last definition counts, so no name is in both lists.
/// </summary>
public sealed record ParsedFile(string File, IReadOnlyList<FunctionDef> Functions, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<BrokenFunction> Broken);

/// <summary>A function that could not be parsed, with the reasons.</summary>
public sealed record BrokenFunction(string Name, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Parses the arc-dsl program format (arc-dsl's <c>solvers.py</c>, re-arc's <c>verifiers.py</c>):
/// many <c>def name(I):</c> functions, optional annotations, one assignment per line whose value is
/// a call (nested calls and integer literals are accepted too), a variable holding a function may be
/// called, and a <c>return</c>. Import lines, comments, blank lines and docstrings are skipped.
/// A function with an error is reported and left out; the others are kept.
/// </summary>
public static class ProgramParser
{
    /// <summary>Parses a whole file; never throws for bad programs (see <see cref="ParsedFile.Errors"/>).</summary>
    public static ParsedFile Parse(string text, string file = "<programs>")
    {
        var functions = new List<FunctionDef>();
        var errors = new List<Diagnostic>();
        var broken = new List<BrokenFunction>();
        FunctionBuilder? current = null;

        void Finish()
        {
            if (current is null) return;
            var before = errors.Count;
            var f = current.Build(errors);
            if (current.Name.Length > 0)
            {
                // As in Python, a later definition of a name replaces an earlier one, broken or not,
                // so a name is never both among the functions and among the broken ones.
                functions.RemoveAll(g => g.Name == current.Name);
                broken.RemoveAll(b => b.Name == current.Name);
                if (f is not null) functions.Add(f);
                else broken.Add(new BrokenFunction(current.Name, [.. current.Diagnostics, .. errors.Skip(before)]));
            }
            current = null;
        }

        foreach (var line in LogicalLines(text, file))
        {
            if (line.Error is { } lineError)
            {
                errors.Add(lineError);
                current?.Diagnostics.Add(lineError);
                continue;
            }
            if (line.Indent == 0)
            {
                var first = line.Text.TrimStart();
                if (first.StartsWith("from ", StringComparison.Ordinal) || first.StartsWith("import ", StringComparison.Ordinal)) { Finish(); continue; }
                Finish();
                try
                {
                    current = ParseDef(Lexer.Tokenize(line.Text, line.Positions, file), file);
                }
                catch (ProgramException e)
                {
                    // Not even a name to report it under: the lines up to the next def are skipped.
                    errors.AddRange(e.Diagnostics);
                    current = FunctionBuilder.Nameless;
                }
                errors.AddRange(current.Diagnostics);
                continue;
            }
            if (current is null)
            {
                errors.Add(new Diagnostic(file, line.Positions[0].Line, line.Positions[0].Column, "indented line outside of a function"));
                continue;
            }
            // A body under a header that did not parse would only add noise to the header's error.
            if (current.HeaderFailed) continue;
            try
            {
                current.Add(ParseStatement(Lexer.Tokenize(line.Text, line.Positions, file), file));
            }
            catch (ProgramException e)
            {
                errors.AddRange(e.Diagnostics);
                current.Diagnostics.AddRange(e.Diagnostics);
            }
        }
        Finish();
        return new ParsedFile(file, functions, errors, broken);
    }

    /// <summary>Parses a file that must hold exactly one function, or throws with every diagnostic.</summary>
    public static FunctionDef ParseFunction(string text, string file = "<program>")
    {
        var parsed = Parse(text, file);
        if (parsed.Errors.Count > 0) throw new ProgramException(parsed.Errors);
        return parsed.Functions.Count == 1
            ? parsed.Functions[0]
            : throw new ProgramException([new Diagnostic(file, 1, 1, $"expected one function, found {parsed.Functions.Count}")]);
    }

    private sealed record Statement(Assignment? Assignment, Expr? Return, Position At);

    private sealed class FunctionBuilder(string name, List<ParameterDef> parameters, string? returns, Position at, string file)
    {
        /// <summary>Stands for a def line whose name could not be read.</summary>
        public static FunctionBuilder Nameless => Failed("", default, "", []);

        private readonly List<Assignment> _body = [];
        private Expr? _result;

        public string Name => name;

        /// <summary>Whether the def line itself had an error (in <see cref="Diagnostics"/>).</summary>
        public bool HeaderFailed { get; private init; }

        /// <summary>The errors found in the header or the body; a function with any is not built.</summary>
        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>A function whose def line names it but has an error: reported as broken under that name.</summary>
        public static FunctionBuilder Failed(string name, Position at, string file, IEnumerable<Diagnostic> diagnostics)
        {
            var b = new FunctionBuilder(name, [], null, at, file) { HeaderFailed = true };
            b.Diagnostics.AddRange(diagnostics);
            return b;
        }

        public void Add(Statement s)
        {
            if (_result is not null)
                throw new ProgramException([new Diagnostic(file, s.At.Line, s.At.Column, "statement after return")]);
            if (s.Assignment is { } a) _body.Add(a);
            else _result = s.Return;
        }

        public FunctionDef? Build(List<Diagnostic> errors)
        {
            if (HeaderFailed || Diagnostics.Count > 0) return null;
            if (_result is null)
            {
                errors.Add(new Diagnostic(file, at.Line, at.Column, $"function '{name}' has no return"));
                return null;
            }
            return new FunctionDef(name, parameters, returns, _body, _result, at, file);
        }
    }

    /// <summary>A statement's text, or the error that stopped it from being one.</summary>
    private sealed record LogicalLine(string Text, int Indent, List<Position> Positions, Diagnostic? Error = null);

    /// <summary>
    /// Physical lines without comments, blank lines and docstrings, joined while parentheses are
    /// open; each character keeps its original line and column. A parenthesis left open when the
    /// next line starts a new statement is an error of its own line, so one bad line does not
    /// swallow the rest of the file.
    /// </summary>
    private static IEnumerable<LogicalLine> LogicalLines(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder();
        var positions = new List<Position>();
        var indent = 0;
        var depth = 0;
        string? docstring = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var content = raw;
            if (docstring is not null)
            {
                if (raw.Contains(docstring, StringComparison.Ordinal)) docstring = null;
                continue;
            }
            var trimmed = raw.TrimStart();
            // A line that starts with a string is a docstring (or another string statement, which
            // Python evaluates and drops); a triple-quoted one may run over several lines.
            if (depth == 0 && trimmed.Length > 0 && trimmed[0] is ('"' or '\''))
            {
                if (trimmed.StartsWith("\"\"\"", StringComparison.Ordinal) || trimmed.StartsWith("'''", StringComparison.Ordinal))
                {
                    var quote = trimmed[..3];
                    if (trimmed.IndexOf(quote, 3, StringComparison.Ordinal) < 0) docstring = quote;
                }
                continue;
            }
            var hash = content.IndexOf('#');
            if (hash >= 0) content = content[..hash];
            if (content.Trim().Length == 0) continue;
            if (depth > 0 && StartsStatement(content))
            {
                yield return Unclosed(file, positions, sb.ToString());
                depth = 0;
            }
            if (depth == 0)
            {
                indent = content.Length - content.TrimStart().Length;
                sb.Clear();
                positions.Clear();
            }
            for (var col = 0; col < content.Length; col++)
            {
                var c = content[col];
                if (c == '(') depth++;
                if (c == ')') depth--;
                sb.Append(c == '\t' ? ' ' : c);
                positions.Add(new Position(n + 1, col + 1));
            }
            sb.Append(' ');
            positions.Add(new Position(n + 1, content.Length + 1));
            if (depth < 0)
            {
                yield return new LogicalLine("", indent, [], new Diagnostic(file, n + 1, content.LastIndexOf(')') + 1, "unmatched ')'"));
                depth = 0;
                continue;
            }
            if (depth == 0) yield return new LogicalLine(sb.ToString(), indent, [.. positions]);
        }
        if (depth > 0 && positions.Count > 0) yield return Unclosed(file, positions, sb.ToString());
    }

    /// <summary>Whether a physical line looks like the start of a statement or function, not a continuation.</summary>
    private static bool StartsStatement(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*(def\s|return\b|[A-Za-z_]\w*\s*=[^=])");

    private static LogicalLine Unclosed(string file, List<Position> positions, string text)
    {
        var open = text.LastIndexOf('(');
        var at = positions[Math.Max(0, open)];
        return new LogicalLine("", 0, [], new Diagnostic(file, at.Line, at.Column, "'(' is never closed"));
    }

    private static FunctionBuilder ParseDef(List<Token> t, string file)
    {
        var p = new Cursor(t, file);
        var def = p.Expect(TokenKind.Name, "'def'");
        if (def.Text != "def") throw p.Error(def, $"expected 'def', found {def}");
        var name = p.Expect(TokenKind.Name, "a function name");
        try
        {
            return ParseSignature(p, name, file);
        }
        catch (ProgramException e)
        {
            return FunctionBuilder.Failed(name.Text, name.At, file, e.Diagnostics);
        }
    }

    /// <summary>The rest of a def line after the function's name.</summary>
    private static FunctionBuilder ParseSignature(Cursor p, Token name, string file)
    {
        p.Expect(TokenKind.LParen, "'('");
        var parameters = new List<ParameterDef>();
        while (p.Peek.Kind != TokenKind.RParen)
        {
            var pname = p.Expect(TokenKind.Name, "a parameter name").Text;
            string? annotation = null;
            if (p.Accept(TokenKind.Colon)) annotation = p.Expect(TokenKind.Name, "a type name").Text;
            parameters.Add(new ParameterDef(pname, annotation));
            if (!p.Accept(TokenKind.Comma)) break;
        }
        p.Expect(TokenKind.RParen, "')'");
        string? returns = null;
        if (p.Accept(TokenKind.Arrow)) returns = p.Expect(TokenKind.Name, "a type name").Text;
        p.Expect(TokenKind.Colon, "':'");
        p.Expect(TokenKind.End, "end of line");
        if (parameters.Count != 1)
            throw p.Error(name, $"function '{name.Text}' must take exactly one parameter (the input grid), not {parameters.Count}");
        return new FunctionBuilder(name.Text, parameters, returns, name.At, file);
    }

    private static Statement ParseStatement(List<Token> t, string file)
    {
        var p = new Cursor(t, file);
        var first = p.Expect(TokenKind.Name, "a statement");
        if (first.Text == "return")
        {
            var value = ParseExpr(p);
            p.Expect(TokenKind.End, "end of line");
            return new Statement(null, value, first.At);
        }
        if (Keywords.Contains(first.Text)) throw p.Error(first, $"'{first.Text}' is not supported in programs");
        p.Expect(TokenKind.Equals, "'='");
        var expr = ParseExpr(p);
        p.Expect(TokenKind.End, "end of line");
        return new Statement(new Assignment(first.Text, expr, first.At), null, first.At);
    }

    private static readonly HashSet<string> Keywords = ["def", "if", "else", "for", "while", "lambda", "import", "from", "class", "with", "try"];

    /// <summary>
    /// The deepest nesting of calls inside one expression. arc-dsl programs nest none; the bound
    /// keeps a hostile file from exhausting the stack of the parser, checker and printer.
    /// </summary>
    public const int MaxNesting = 64;

    private static Expr ParseExpr(Cursor p, int depth = 0)
    {
        Expr e;
        var tok = p.Next();
        switch (tok.Kind)
        {
            case TokenKind.Name when !Keywords.Contains(tok.Text) && tok.Text != "return":
                e = new NameExpr(tok.Text, tok.At);
                break;
            case TokenKind.Int:
                e = new IntExpr(ParseInt(p, tok, tok.Text), tok.At);
                break;
            case TokenKind.Minus:
                var digits = p.Expect(TokenKind.Int, "a number after '-'");
                e = new IntExpr(ParseInt(p, digits, "-" + digits.Text), tok.At);
                break;
            default:
                throw p.Error(tok, $"expected a name, a number or a call, found {tok}");
        }
        // Each call of a call (f(a)(b)) nests one level deeper too: the callee holds the inner call.
        for (; p.Peek.Kind == TokenKind.LParen; depth++)
        {
            var open = p.Next();
            if (depth >= MaxNesting) throw p.Error(open, $"calls nested more than {MaxNesting} deep");
            var args = new List<Expr>();
            while (p.Peek.Kind != TokenKind.RParen)
            {
                args.Add(ParseExpr(p, depth + 1));
                if (!p.Accept(TokenKind.Comma)) break;
            }
            p.Expect(TokenKind.RParen, "')' or ','");
            e = new CallExpr(e, args, open.At);
        }
        return e;
    }

    private static int ParseInt(Cursor p, Token at, string text) =>
        int.TryParse(text, out var v) ? v : throw p.Error(at, $"integer {text} is out of range");

    private sealed class Cursor(List<Token> tokens, string file)
    {
        private int _i;

        public Token Peek => tokens[_i];

        public Token Next() => tokens[_i < tokens.Count - 1 ? _i++ : _i];

        public bool Accept(TokenKind kind)
        {
            if (Peek.Kind != kind) return false;
            _i++;
            return true;
        }

        public Token Expect(TokenKind kind, string what)
        {
            var t = Peek;
            if (t.Kind != kind) throw Error(t, $"expected {what}, found {t}");
            _i++;
            return t;
        }

        public ProgramException Error(Token at, string message) => new([new Diagnostic(file, at.At.Line, at.At.Column, message)]);
    }
}
