using System.Globalization;
using System.Text;
using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Model.Tokenization;

/// <summary>
/// Programs as tokens: the body lines and the return, with variables renamed x1, x2, ... in the
/// order they are assigned (names carry no meaning in the language), integer literals as a sign and
/// digits. <see cref="Decode"/> gives the program back: decoding an encoding yields the same program
/// up to that renaming.
/// </summary>
public sealed class ProgramTokenizer(Vocabulary vocabulary)
{
    public List<int> Encode(FunctionDef program)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [program.Parameters[0].Name] = "I" };
        var tokens = new List<int>();
        var assigned = 0;
        foreach (var a in program.Body)
        {
            // The value first, with the names in force before this line (x1 = f(x1) reads the old x1).
            var value = new List<int>();
            Expr(a.Value, names, value);
            if (++assigned > Vocabulary.MaxVariables)
                throw new ArgumentException($"{program.Name} assigns more than {Vocabulary.MaxVariables} variables");
            names[a.Target] = $"x{assigned}";
            tokens.Add(vocabulary.Id(names[a.Target]));
            tokens.Add(vocabulary.Id("="));
            tokens.AddRange(value);
            tokens.Add(vocabulary.Id("\n"));
        }
        tokens.Add(vocabulary.Id("return"));
        Expr(program.Result, names, tokens);
        return tokens;
    }

    private void Expr(Expr e, Dictionary<string, string> names, List<int> tokens)
    {
        switch (e)
        {
            case NameExpr n:
                tokens.Add(vocabulary.Id(names.GetValueOrDefault(n.Name, n.Name)));
                break;
            case IntExpr i:
                if (i.Value < 0) tokens.Add(vocabulary.Id("-"));
                foreach (var d in Math.Abs((long)i.Value).ToString(CultureInfo.InvariantCulture)) tokens.Add(vocabulary.Id(d.ToString()));
                break;
            case CallExpr c:
                Expr(c.Callee, names, tokens);
                tokens.Add(vocabulary.Id("("));
                for (var k = 0; k < c.Args.Count; k++)
                {
                    if (k > 0) tokens.Add(vocabulary.Id(","));
                    Expr(c.Args[k], names, tokens);
                }
                tokens.Add(vocabulary.Id(")"));
                break;
        }
    }

    /// <summary>The program the tokens spell, named <paramref name="name"/>; throws <see cref="ProgramException"/> when they do not spell one.</summary>
    public FunctionDef Decode(IEnumerable<int> tokens, string name = "program")
    {
        var sb = new StringBuilder($"def {name}(I):\n    ");
        foreach (var id in tokens)
        {
            var t = vocabulary.Token(id);
            sb.Append(t switch
            {
                "\n" => "\n    ",
                "return" => "return ",
                "," => ", ",
                "=" => " = ",
                _ => t,
            });
        }
        sb.Append('\n');
        return ProgramParser.ParseFunction(sb.ToString(), "<decoded>");
    }
}
