using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Data.Mutation;

/// <summary>
/// Mutates one call of a program using the signatures: replaces an argument by a type-compatible
/// variable or constant, replaces the primitive by a type-compatible one, or redefines the variable
/// with a new call of a compatible type. Every mutant it returns parses and type-checks; the same
/// seed gives the same mutants.
/// </summary>
public sealed class TypedMutator(PrimitiveRegistry registry, MutationWeights weights)
{
    private const int TriesPerMutant = 50;

    private readonly TypedScope _types = new(registry);

    /// <summary>A mutant of <paramref name="program"/> named <paramref name="name"/>, or null when none was found in the tries allowed.</summary>
    public FunctionDef? Mutate(FunctionDef program, string name, Random random)
    {
        for (var attempt = 0; attempt < TriesPerMutant; attempt++)
        {
            var mutant = TryOnce(program, random);
            if (mutant is null) continue;
            mutant = mutant with { Name = name };
            if (TypeChecker.Check(mutant, registry).Count == 0 && !mutant.SameAs(program with { Name = name })) return mutant;
        }
        return null;
    }

    private FunctionDef? TryOnce(FunctionDef program, Random random)
    {
        var lines = program.Body.Select((a, i) => (a, i)).Where(x => x.a.Value is CallExpr { Callee: NameExpr n } && registry.Contains(n.Name)).ToList();
        if (lines.Count == 0) return null;
        var (line, index) = lines[random.Next(lines.Count)];
        var call = (CallExpr)line.Value;
        var primitive = registry.TryGet(((NameExpr)call.Callee).Name, out var p) ? p : null;
        if (primitive is null) return null;
        var scope = _types.Before(program, index);
        var roll = random.NextDouble() * (weights.ReplaceArgument + weights.ReplacePrimitive + weights.RedefineVariable);
        Expr? replacement = roll < weights.ReplaceArgument ? ReplaceArgument(call, primitive, scope, random)
            : roll < weights.ReplaceArgument + weights.ReplacePrimitive ? ReplacePrimitive(call, primitive, scope, random)
            : Redefine(call, primitive.Signature.Returns, scope, random);
        if (replacement is null) return null;
        var body = program.Body.ToList();
        body[index] = line with { Value = replacement };
        return program with { Body = body };
    }

    private Expr? ReplaceArgument(CallExpr call, PrimitiveFunction primitive, List<ScopedName> scope, Random random)
    {
        if (call.Args.Count == 0) return null;
        var j = random.Next(call.Args.Count);
        var wanted = primitive.Signature.Parameters[j];
        var current = call.Args[j] is NameExpr n ? n.Name : null;
        var choices = _types.Candidates(wanted, scope).Where(c => c != current).ToList();
        if (choices.Count == 0) return null;
        var args = call.Args.ToList();
        args[j] = new NameExpr(choices[random.Next(choices.Count)], call.Args[j].At);
        return call with { Args = args };
    }

    private Expr? ReplacePrimitive(CallExpr call, PrimitiveFunction primitive, List<ScopedName> scope, Random random)
    {
        var choices = _types.CompatiblePrimitives(primitive, call, scope);
        if (choices.Count == 0) return null;
        return call with { Callee = new NameExpr(choices[random.Next(choices.Count)].Name, call.Callee.At) };
    }

    private Expr? Redefine(CallExpr call, DslType returns, List<ScopedName> scope, Random random)
    {
        var choices = registry.All.Where(q => TypeLattice.IsAssignable(q.Signature.Returns, returns)).ToList();
        if (choices.Count == 0) return null;
        var q = choices[random.Next(choices.Count)];
        var args = new List<Expr>();
        foreach (var par in q.Signature.Parameters)
        {
            var candidates = _types.Candidates(par, scope).ToList();
            if (candidates.Count == 0) return null;
            args.Add(new NameExpr(candidates[random.Next(candidates.Count)], call.At));
        }
        return new CallExpr(new NameExpr(q.Name, call.Callee.At), args, call.At);
    }
}
