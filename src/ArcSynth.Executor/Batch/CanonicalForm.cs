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
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [f.Parameters[0].Name] = "I" };
        string Rename(Expr e) => e switch
        {
            NameExpr n => names.GetValueOrDefault(n.Name, n.Name),
            IntExpr i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CallExpr c => $"{Rename(c.Callee)}({string.Join(", ", c.Args.Select(Rename))})",
            _ => throw new ArgumentException($"unknown expression {e}"),
        };
        var lines = new List<string>(f.Body.Count + 1);
        foreach (var a in f.Body)
        {
            var value = Rename(a.Value);
            names[a.Target] = $"v{names.Count}";
            lines.Add($"{names[a.Target]} = {value}");
        }
        lines.Add($"return {Rename(f.Result)}");
        return lines;
    }
}
