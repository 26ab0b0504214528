using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Data.Mutation;

/// <summary>A name usable at some line of a program, with the type the signatures give it.</summary>
public readonly record struct ScopedName(string Name, DslType Type);

/// <summary>
/// What a program's signatures say is in scope before a line: the input (a Grid), each earlier
/// variable typed by its primitive's declared result (Any where the result is loose or the callee is
/// not a primitive), and the constants. The mutator and the guided search's edits both fill
/// arguments from it, so that every program they write is typed the same way.
/// </summary>
public sealed class TypedScope(PrimitiveRegistry registry)
{
    private static readonly ScopedName[] Constants = DslConstants.All.Select(c => new ScopedName(c.Name, c.Type)).ToArray();

    /// <summary>The names usable before line <paramref name="index"/> (the variables in order, then the constants).</summary>
    public List<ScopedName> Before(FunctionDef program, int index)
    {
        var scope = new List<ScopedName>(index + 1 + Constants.Length) { new(program.Parameters[0].Name, DslType.Grid) };
        for (var i = 0; i < index; i++) scope.Add(new ScopedName(program.Body[i].Target, TypeOf(program.Body[i].Value)));
        scope.AddRange(Constants);
        return scope;
    }

    /// <summary>The declared type of a line's value: its primitive's result, or Any where that is not certain.</summary>
    public DslType TypeOf(Expr value) =>
        value is CallExpr { Callee: NameExpr n } && registry.TryGet(n.Name, out var p) && !p.Signature.LooseResult ? p.Signature.Returns : DslType.Any;

    /// <summary>Names in <paramref name="scope"/> of a type assignable to <paramref name="wanted"/>; the primitives too where a function is wanted.</summary>
    public IEnumerable<string> Candidates(DslType wanted, IEnumerable<ScopedName> scope) => Candidates(wanted, scope, _ => true);

    /// <summary>The names that may fill <paramref name="parameter"/>: as for its type, and of a function only the primitives it takes (<see cref="Parameter.Takes"/>).</summary>
    public IEnumerable<string> Candidates(Parameter parameter, IEnumerable<ScopedName> scope) => Candidates(parameter.Type, scope, parameter.Takes);

    private IEnumerable<string> Candidates(DslType wanted, IEnumerable<ScopedName> scope, Func<PrimitiveFunction, bool> takes) =>
        scope.Where(s => TypeLattice.IsAssignable(s.Type, wanted)).Select(s => s.Name)
            .Concat(wanted is DslType.Callable ? registry.All.Where(takes).Select(p => p.Name) : [])
            .Distinct();

    /// <summary>
    /// The other primitives that take <paramref name="call"/>'s arguments (typed from <paramref name="scope"/>)
    /// and return a type assignable to <paramref name="primitive"/>'s result, in the registry's order.
    /// </summary>
    public List<PrimitiveFunction> CompatiblePrimitives(PrimitiveFunction primitive, CallExpr call, List<ScopedName> scope)
    {
        var argTypes = call.Args.Select(a => a is NameExpr n ? scope.LastOrDefault(s => s.Name == n.Name).Type : DslType.Any).ToList();
        return registry.All.Where(q => q != primitive && q.Arity == call.Args.Count
            && TypeLattice.IsAssignable(q.Signature.Returns, primitive.Signature.Returns)
            && q.Signature.Parameters.Select((par, i) => TypeLattice.IsAssignable(argTypes[i], par.Type)).All(ok => ok)).ToList();
    }
}
