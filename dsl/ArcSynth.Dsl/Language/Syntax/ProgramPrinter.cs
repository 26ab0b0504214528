using System.Text;

namespace ArcSynth.Dsl.Language.Syntax;

/// <summary>Prints programs in arc-dsl's style; parsing the output gives the same program back.</summary>
public static class ProgramPrinter
{
    /// <summary>The functions as one file, two blank lines apart (as arc-dsl's files are).</summary>
    public static string Print(IEnumerable<FunctionDef> functions) => string.Join("\n\n", functions.Select(Print));

    /// <summary>
    /// One function: its def line (with the annotations it was written with), then one line per
    /// assignment and the return, indented by four spaces, ending with a newline.
    /// </summary>
    public static string Print(FunctionDef f)
    {
        var sb = new StringBuilder();
        sb.Append("def ").Append(f.Name).Append('(');
        sb.Append(string.Join(", ", f.Parameters.Select(p => p.Annotation is null ? p.Name : $"{p.Name}: {p.Annotation}")));
        sb.Append(')');
        if (f.ReturnAnnotation is not null) sb.Append(" -> ").Append(f.ReturnAnnotation);
        sb.Append(":\n");
        foreach (var a in f.Body) sb.Append("    ").Append(a.Target).Append(" = ").Append(Print(a.Value)).Append('\n');
        sb.Append("    return ").Append(Print(f.Result)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One expression, with arguments separated by ", ".</summary>
    public static string Print(Expr e) => e switch
    {
        NameExpr n => n.Name,
        IntExpr i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CallExpr c => $"{Print(c.Callee)}({string.Join(", ", c.Args.Select(Print))})",
        _ => throw new ArgumentException($"unknown expression {e}"),
    };
}
