using System.Globalization;
using System.Text;
using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Executor.Batch;

/// <summary>
/// A program's text with its name and variable names factored out: two programs with the same
/// canonical form compute the same thing, so the executor runs only one of them.
/// </summary>
public static class CanonicalForm
{
    public static string Of(FunctionDef f) => string.Join("\n", Lines(f));

    /// <summary>
    /// The canonical form line by line, the return last. Two programs whose first k lines are the
    /// same compute the same first k values on any input.
    /// </summary>
    public static List<string> Lines(FunctionDef f)
    {
        // Built in one buffer: the search takes the form of every edit it makes.
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [f.Parameters[0].Name] = "I" };
        var text = new StringBuilder();
        void Write(Expr e)
        {
            switch (e)
            {
                case NameExpr n:
                    text.Append(names.GetValueOrDefault(n.Name, n.Name));
                    break;
                case IntExpr i:
                    text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                    break;
                case CallExpr c:
                    Write(c.Callee);
                    text.Append('(');
                    for (var k = 0; k < c.Args.Count; k++)
                    {
                        if (k > 0) text.Append(", ");
                        Write(c.Args[k]);
                    }
                    text.Append(')');
                    break;
                default:
                    throw new ArgumentException($"unknown expression {e}");
            }
        }
        var lines = new List<string>(f.Body.Count + 1);
        foreach (var a in f.Body)
        {
            var target = $"v{names.Count}";
            text.Clear().Append(target).Append(" = ");
            Write(a.Value);
            names[a.Target] = target;
            lines.Add(text.ToString());
        }
        text.Clear().Append("return ");
        Write(f.Result);
        lines.Add(text.ToString());
        return lines;
    }
}
