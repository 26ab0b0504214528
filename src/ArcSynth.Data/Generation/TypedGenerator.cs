using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Data.Generation;

/// <summary>
/// Writes new programs from the signatures alone: each line calls a primitive whose parameters can
/// all be filled, with type-compatible names in scope (the input, earlier variables, constants, and
/// primitives where a function is wanted); the last line returns a Grid. Every program it returns
/// type-checks and has no dead lines. Observational equivalence is judged later, on real inputs, by
/// the outputs.
/// </summary>
public sealed class TypedGenerator(PrimitiveRegistry registry)
{
    private const int TriesPerProgram = 100;

    public FunctionDef? Generate(string name, int maxLines, Random random)
    {
        for (var attempt = 0; attempt < TriesPerProgram; attempt++)
        {
            var program = TryOnce(name, 1 + random.Next(Math.Max(1, maxLines)), random);
            if (program is not null && TypeChecker.Check(program, registry).Count == 0) return DeadCode.Prune(program);
        }
        return null;
    }

    private FunctionDef? TryOnce(string name, int lines, Random random)
    {
        var at = new Position(1, 1);
        var scope = new List<(string Name, DslType Type)> { ("I", DslType.Grid) };
        var constants = DslConstants.All.Select(c => (c.Name, c.Type)).ToList();
        var body = new List<Assignment>();
        for (var k = 1; k <= lines; k++)
        {
            var last = k == lines;
            var fillable = registry.All.Where(p =>
                (!last || TypeLattice.IsAssignable(p.Signature.Returns, DslType.Grid)) &&
                p.Signature.Parameters.All(par => Candidates(par, scope, constants).Any())).ToList();
            if (fillable.Count == 0) return null;
            var primitive = fillable[random.Next(fillable.Count)];
            var args = new List<Expr>();
            foreach (var par in primitive.Signature.Parameters)
            {
                // Prefer the variables of the program over constants, so that lines build on each other.
                var fromScope = Candidates(par, scope, []).ToList();
                var all = fromScope.Count > 0 && random.NextDouble() < 0.75 ? fromScope : Candidates(par, scope, constants).ToList();
                args.Add(new NameExpr(all[random.Next(all.Count)], at));
            }
            var target = last ? "O" : $"x{k}";
            body.Add(new Assignment(target, new CallExpr(new NameExpr(primitive.Name, at), args, at), at));
            scope.Add((target, primitive.Signature.LooseResult ? DslType.Any : primitive.Signature.Returns));
        }
        return new FunctionDef(name, [new ParameterDef("I", null)], null, body, new NameExpr("O", at), at, "<generated>");
    }

    private IEnumerable<string> Candidates(Parameter wanted, List<(string Name, DslType Type)> scope, List<(string Name, DslType Type)> constants) =>
        scope.Concat(constants).Where(s => TypeLattice.IsAssignable(s.Type, wanted.Type)).Select(s => s.Name)
            .Concat(wanted.Type is DslType.Callable ? registry.All.Where(wanted.Takes).Select(p => p.Name) : []);
}
