using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Data.Generation;

/// <summary>Drops the assignments a program's result does not depend on (programs are pure).</summary>
public static class DeadCode
{
    public static FunctionDef Prune(FunctionDef f)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        Collect(f.Result, live);
        var kept = new List<Assignment>();
        for (var i = f.Body.Count - 1; i >= 0; i--)
        {
            var a = f.Body[i];
            if (!live.Remove(a.Target)) continue;
            Collect(a.Value, live);
            kept.Add(a);
        }
        kept.Reverse();
        return f with { Body = kept };
    }

    /// <summary>Adds every name <paramref name="e"/> reads (variables, primitives, constants) to <paramref name="names"/>.</summary>
    internal static void Collect(Expr e, HashSet<string> names)
    {
        switch (e)
        {
            case NameExpr n: names.Add(n.Name); break;
            case CallExpr c:
                Collect(c.Callee, names);
                foreach (var a in c.Args) Collect(a, names);
                break;
        }
    }
}
