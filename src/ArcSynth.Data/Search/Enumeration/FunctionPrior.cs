using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// How many of a pool's programs pass each primitive as each parameter of another (argmax(x1, size),
/// mapply(delta, x1)). The enumeration passes the functions its pool passes most first: its budget reaches
/// about a dozen choices of arguments per primitive two calls deep.
/// </summary>
internal sealed class FunctionPrior
{
    private readonly Dictionary<(string Callee, int Parameter, string Function), int> _passes = [];

    public FunctionPrior(IEnumerable<FunctionDef> programs)
    {
        var passes = new HashSet<(string, int, string)>();
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            passes.Clear();
            variables.Clear();
            variables.UnionWith(program.Parameters.Select(p => p.Name));
            foreach (var line in program.Body)
            {
                Count(line.Value);
                variables.Add(line.Target);
            }
            Count(program.Result);
            foreach (var pass in passes) _passes[pass] = _passes.GetValueOrDefault(pass) + 1;
        }

        // A name that is no variable is a primitive or a constant; only primitives are looked up as functions.
        void Count(Expr e)
        {
            if (e is not CallExpr { Callee: NameExpr f } call) return;
            for (var k = 0; k < call.Args.Count; k++)
                if (call.Args[k] is NameExpr n && !variables.Contains(n.Name))
                    passes.Add((f.Name, k, n.Name));
                else Count(call.Args[k]);
        }
    }

    /// <summary>The programs that pass <paramref name="function"/> as parameter <paramref name="parameter"/> of <paramref name="callee"/>.</summary>
    public int Passes(string callee, int parameter, string function) => _passes.GetValueOrDefault((callee, parameter, function));
}
