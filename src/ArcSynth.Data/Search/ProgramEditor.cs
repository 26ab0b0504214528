using ArcSynth.Data.Generation;
using ArcSynth.Data.Mutation;
using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Data.Search;

/// <summary>
/// The typed edits of the guided search. Each reads the live registry's signatures (so a
/// researcher's accepted primitive is among the choices), fills arguments from what is in scope
/// (<see cref="TypedScope"/>), drops the lines the result no longer needs, and returns a program
/// that type-checks, or null when the drawn edit has no well-typed form.
/// </summary>
/// <remarks>
/// A function argument is drawn from every primitive, not only those of the arity the call fits
/// (<see cref="Parameter.Calls"/>): the others raise on their first demonstration, cheaply. Offering only
/// fitting ones, or refusing the others in the type checker, gave the budget to programs that run to the
/// end: the same tasks solved for 6 to 25% more CPU (README, The guided search).
/// </remarks>
public sealed class ProgramEditor
{
    private readonly PrimitiveRegistry _registry;
    private readonly TypedScope _types;
    private readonly EditWeights _weights;
    private readonly PrimitiveFunction[] _calls;
    private readonly PrimitiveFunction[] _gridTransforms;

    public ProgramEditor(PrimitiveRegistry registry, EditWeights weights)
    {
        _registry = registry;
        _types = new TypedScope(registry);
        _weights = weights;
        _calls = registry.All.Where(p => p.Arity > 0).ToArray();
        _gridTransforms = _calls.Where(p => TypeLattice.IsAssignable(p.Signature.Returns, DslType.Grid) && !p.Signature.LooseResult
            && p.Signature.Parameters.Any(par => TypeLattice.IsAssignable(DslType.Grid, par.Type))).ToArray();
    }

    /// <summary>
    /// One edit of <paramref name="program"/> drawn by the weights; <paramref name="donors"/> (other
    /// good programs) give the lines that insertions and splices borrow. Null when the edit failed.
    /// </summary>
    public FunctionDef? Edit(FunctionDef program, IReadOnlyList<FunctionDef> donors, Random random)
    {
        var edited = _weights.Draw(random) switch
        {
            EditKind.ReplaceArgument => ReplaceArgument(program, random),
            EditKind.ReplacePrimitive => ReplacePrimitive(program, random),
            EditKind.InsertLine => InsertLine(program, donors, random),
            EditKind.InsertFragment => InsertFragment(program, donors, random),
            EditKind.WrapResult => WrapResult(program, random),
            EditKind.DeleteLine => DeleteLine(program, random),
            EditKind.ChangeReturn => ChangeReturn(program, random),
            _ => Splice(program, donors, random),
        };
        return edited is null ? null : Finish(program, edited);
    }

    /// <summary>
    /// Lines past which an edit may not make a program longer (a longer seed can still be edited). Programs
    /// that get no demonstration right grow a line or two an iteration in the loop (its unsolved tasks' best
    /// programs: 8 lines on average in the first iteration, 20 in the tenth, some 99), each one slower to edit;
    /// the best programs of the evaluation tasks the loop solved have at most 39 lines, most under 20. At 30, the
    /// search at 9,600 solved the same number at seeds 1 and 2 in 4 to 6% less time (README, The guided search).
    /// </summary>
    public const int MaxGrownLines = 30;

    private FunctionDef? Finish(FunctionDef program, FunctionDef edited)
    {
        edited = DeadCode.Prune(edited);
        if (edited.Body.Count > MaxGrownLines && edited.Body.Count > program.Body.Count) return null;
        return edited.SameAs(program) || TypeChecker.Check(edited, _registry).Count > 0 ? null : edited;
    }

    /// <summary>
    /// Every one-step change of a single name: each argument of each primitive call replaced by each
    /// other name of its parameter's type, and each call's primitive by each other of a compatible
    /// signature. The search walks them in a shuffled order, so that a parent's close neighbours are
    /// tried once each instead of drawn again and again.
    /// </summary>
    public List<LocalEdit> Neighbours(FunctionDef program)
    {
        var edits = new List<LocalEdit>();
        for (var index = 0; index < program.Body.Count; index++)
        {
            if (program.Body[index].Value is not CallExpr { Callee: NameExpr n } call || !_registry.TryGet(n.Name, out var primitive) || primitive.Arity != call.Args.Count) continue;
            var scope = _types.Before(program, index);
            for (var j = 0; j < call.Args.Count; j++)
            {
                var current = call.Args[j] is NameExpr a ? a.Name : null;
                foreach (var name in _types.Candidates(primitive.Signature.Parameters[j].Type, scope))
                    if (name != current) edits.Add(new LocalEdit(index, j, name));
            }
            foreach (var q in _types.CompatiblePrimitives(primitive, call, scope)) edits.Add(new LocalEdit(index, LocalEdit.Callee, q.Name));
        }
        return edits;
    }

    /// <summary>The program with one local edit made, pruned and checked; null when it does not type-check or changes nothing.</summary>
    public FunctionDef? Apply(FunctionDef program, LocalEdit edit)
    {
        var call = (CallExpr)program.Body[edit.Line].Value;
        Expr value;
        if (edit.Arg == LocalEdit.Callee) value = call with { Callee = new NameExpr(edit.Name, call.Callee.At) };
        else
        {
            var args = call.Args.ToList();
            args[edit.Arg] = new NameExpr(edit.Name, call.Args[edit.Arg].At);
            value = call with { Args = args };
        }
        return Replace(program, edit.Line, value);
    }

    /// <summary>The program with line <paramref name="line"/>'s value replaced (an infilled line), pruned and checked; null when it does not type-check or changes nothing.</summary>
    public FunctionDef? Replace(FunctionDef program, int line, Expr value) => Finish(program, WithLine(program, line, value));

    /// <summary>An argument of a primitive call replaced by another name of its parameter's type.</summary>
    private FunctionDef? ReplaceArgument(FunctionDef program, Random random)
    {
        if (PrimitiveLine(program, random) is not var (index, call, primitive) || call.Args.Count == 0) return null;
        var j = random.Next(call.Args.Count);
        var current = call.Args[j] is NameExpr n ? n.Name : null;
        var choices = _types.Candidates(primitive.Signature.Parameters[j].Type, _types.Before(program, index)).Where(c => c != current).ToList();
        if (choices.Count == 0) return null;
        var args = call.Args.ToList();
        args[j] = new NameExpr(Pick(choices, random), call.Args[j].At);
        return WithLine(program, index, call with { Args = args });
    }

    /// <summary>A call's primitive replaced by another that takes the same arguments and returns a compatible type.</summary>
    private FunctionDef? ReplacePrimitive(FunctionDef program, Random random)
    {
        if (PrimitiveLine(program, random) is not var (index, call, primitive)) return null;
        var scope = _types.Before(program, index);
        var choices = _types.CompatiblePrimitives(primitive, call, scope);
        if (choices.Count == 0) return null;
        return WithLine(program, index, call with { Callee = new NameExpr(Pick(choices, random).Name, call.Callee.At) });
    }

    /// <summary>
    /// A new line before line p (a donor's call, or a primitive drawn from the registry, over names in
    /// scope there) whose value then replaces an argument of a later line or the result.
    /// </summary>
    private FunctionDef? InsertLine(FunctionDef program, IReadOnlyList<FunctionDef> donors, Random random)
    {
        var p = random.Next(program.Body.Count + 1);
        var primitive = DonorPrimitive(donors, random) ?? Pick(_calls, random);
        return Call(primitive, _types.Before(program, p), random, program.At) is { } call
            ? Insert(program, p, [new Assignment(FreshName(program), call, program.At)], random)
            : null;
    }

    /// <summary>
    /// A donor's run of 2 or 3 lines inserted before line p, with its own wiring: each name they read
    /// from the donor's earlier lines mapped to a name in scope at p of a compatible type; the last
    /// line's value then replaces an argument of a later line or the result. Where an insertion draws
    /// one call with random arguments, this borrows steps that work together in a good program.
    /// </summary>
    private FunctionDef? InsertFragment(FunctionDef program, IReadOnlyList<FunctionDef> donors, Random random)
    {
        if (Donor(program, donors, random) is not { } donor) return null;
        var length = Math.Min(donor.Body.Count, 2 + random.Next(2));
        var start = random.Next(donor.Body.Count - length + 1);
        var p = random.Next(program.Body.Count + 1);
        var lines = donor.Body.Skip(start).Take(length).ToList();
        if (MapReads(donor, start, lines.Select(a => a.Value), program, p, random) is not { } map) return null;
        return Insert(program, p, Renamed(lines, map, FreshIndex(program)), random);
    }

    /// <summary>
    /// <paramref name="lines"/> inserted before line <paramref name="p"/>, the last one's value then
    /// replacing an argument of a later line that takes its type, or the result when it is a grid.
    /// </summary>
    private FunctionDef? Insert(FunctionDef program, int p, List<Assignment> lines, Random random)
    {
        var target = lines[^1].Target;
        var type = _types.TypeOf(lines[^1].Value);
        var body = program.Body.ToList();
        body.InsertRange(p, lines);
        // Where the new value can go: an argument of a later primitive call, or the result.
        var uses = new List<(int Line, int Arg)>();
        for (var q = p + lines.Count; q < body.Count; q++)
            if (body[q].Value is CallExpr { Callee: NameExpr n } c && _registry.TryGet(n.Name, out var callee) && callee.Arity == c.Args.Count)
                for (var j = 0; j < c.Args.Count; j++)
                    if (TypeLattice.IsAssignable(type, callee.Signature.Parameters[j].Type)) uses.Add((q, j));
        if (TypeLattice.IsAssignable(type, DslType.Grid)) uses.Add((-1, 0));
        if (uses.Count == 0) return null;
        var (line, arg) = Pick(uses, random);
        if (line < 0) return program with { Body = body, Result = new NameExpr(target, program.Result.At) };
        var used = (CallExpr)body[line].Value;
        var args = used.Args.ToList();
        args[arg] = new NameExpr(target, used.At);
        body[line] = body[line] with { Value = used with { Args = args } };
        return program with { Body = body };
    }

    /// <summary>A grid-to-grid call applied to the result (a final transform), which becomes the result.</summary>
    private FunctionDef? WrapResult(FunctionDef program, Random random)
    {
        if (program.Result is not NameExpr result || _gridTransforms.Length == 0) return null;
        var primitive = Pick(_gridTransforms, random);
        var scope = _types.Before(program, program.Body.Count);
        var gridSlots = primitive.Signature.Parameters.Select((par, i) => (par, i)).Where(x => TypeLattice.IsAssignable(DslType.Grid, x.par.Type)).ToList();
        var slot = Pick(gridSlots, random).i;
        if (Call(primitive, scope, random, program.At, (slot, result.Name)) is not { } call) return null;
        var target = FreshName(program);
        return program with
        {
            Body = [.. program.Body, new Assignment(target, call, program.At)],
            Result = new NameExpr(target, program.Result.At),
        };
    }

    /// <summary>A line removed, each use of its value replaced by another name of its type in scope before it (preferably one of its own arguments).</summary>
    private FunctionDef? DeleteLine(FunctionDef program, Random random)
    {
        if (program.Body.Count == 0) return null;
        var k = random.Next(program.Body.Count);
        var line = program.Body[k];
        var type = _types.TypeOf(line.Value);
        var scope = _types.Before(program, k);
        var own = line.Value is CallExpr c ? c.Args.OfType<NameExpr>().Select(a => a.Name).ToHashSet(StringComparer.Ordinal) : [];
        var choices = _types.Candidates(type, scope.Take(k + 1)).ToList();
        var preferred = choices.Where(own.Contains).ToList();
        if (choices.Count == 0) return null;
        var replacement = preferred.Count > 0 && random.NextDouble() < 0.5 ? Pick(preferred, random) : Pick(choices, random);
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [line.Target] = replacement };
        var body = program.Body.Where((_, i) => i != k).Select((a, i) => i < k ? a : a with { Value = Rename(a.Value, map) }).ToList();
        return program with { Body = body, Result = Rename(program.Result, map) };
    }

    /// <summary>Another variable (or the input) of type Grid returned instead.</summary>
    private FunctionDef? ChangeReturn(FunctionDef program, Random random)
    {
        var scope = _types.Before(program, program.Body.Count).Take(program.Body.Count + 1);
        var current = program.Result is NameExpr n ? n.Name : null;
        var choices = scope.Where(s => s.Type == DslType.Grid && s.Name != current).Select(s => s.Name).ToList();
        if (choices.Count == 0) return null;
        return program with { Result = new NameExpr(Pick(choices, random), program.Result.At) };
    }

    /// <summary>
    /// Crossover: a donor's lines from some line on, appended to this program, each name they read
    /// from the donor's earlier lines mapped to a variable of this program of a compatible type; the
    /// donor's result becomes the result.
    /// </summary>
    private FunctionDef? Splice(FunctionDef program, IReadOnlyList<FunctionDef> donors, Random random)
    {
        if (Donor(program, donors, random) is not { } donor) return null;
        var cut = 1 + random.Next(donor.Body.Count - 1);
        var map = MapReads(donor, cut, donor.Body.Skip(cut).Select(a => a.Value).Append(donor.Result), program, program.Body.Count, random);
        if (map is null || map.Count == 1) return null; // the suffix reads none of the donor's earlier lines: it is the donor itself
        var lines = Renamed(donor.Body.Skip(cut), map, FreshIndex(program));
        return program with { Body = [.. program.Body, .. lines], Result = Rename(donor.Result, map) };
    }

    /// <summary>One of <paramref name="donors"/> of more than one line, other than <paramref name="program"/>; null when there is none.</summary>
    private static FunctionDef? Donor(FunctionDef program, IReadOnlyList<FunctionDef> donors, Random random)
    {
        var others = donors.Where(d => d.Body.Count > 1 && !ReferenceEquals(d, program)).ToList();
        return others.Count == 0 ? null : Pick(others, random);
    }

    /// <summary>
    /// For each name <paramref name="reads"/> read that the donor's input or its lines before <paramref name="cut"/>
    /// define, a variable of <paramref name="program"/> in scope before line <paramref name="at"/> of a compatible
    /// type (the input to the input); null when one has none.
    /// </summary>
    private Dictionary<string, string>? MapReads(FunctionDef donor, int cut, IEnumerable<Expr> reads, FunctionDef program, int at, Random random)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in reads) DeadCode.Collect(e, used);
        var ours = _types.Before(program, at).Take(at + 1).ToList();
        var donorScope = _types.Before(donor, cut).Take(cut + 1).ToDictionary(s => s.Name, s => s.Type, StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [donor.Parameters[0].Name] = program.Parameters[0].Name };
        foreach (var name in used.Where(u => donorScope.ContainsKey(u) && u != donor.Parameters[0].Name).Order(StringComparer.Ordinal))
        {
            var choices = _types.Candidates(donorScope[name], ours).ToList();
            if (choices.Count == 0) return null;
            map[name] = Pick(choices, random);
        }
        return map;
    }

    /// <summary><paramref name="lines"/> with their names mapped by <paramref name="map"/> and each target renamed to a fresh xN from <paramref name="fresh"/> on (added to the map).</summary>
    private static List<Assignment> Renamed(IEnumerable<Assignment> lines, Dictionary<string, string> map, int fresh)
    {
        var renamed = new List<Assignment>();
        foreach (var a in lines)
        {
            var value = Rename(a.Value, map);
            map[a.Target] = $"x{fresh++}";
            renamed.Add(new Assignment(map[a.Target], value, a.At));
        }
        return renamed;
    }

    /// <summary>A random line that calls a primitive of the registry by name, with its call and primitive.</summary>
    private (int Index, CallExpr Call, PrimitiveFunction Primitive)? PrimitiveLine(FunctionDef program, Random random)
    {
        var lines = new List<(int, CallExpr, PrimitiveFunction)>();
        for (var i = 0; i < program.Body.Count; i++)
            if (program.Body[i].Value is CallExpr { Callee: NameExpr n } c && _registry.TryGet(n.Name, out var p) && p.Arity == c.Args.Count)
                lines.Add((i, c, p));
        return lines.Count == 0 ? null : Pick(lines, random);
    }

    /// <summary>The primitive of a random line of a random donor, half the time; null otherwise or when there is none.</summary>
    private PrimitiveFunction? DonorPrimitive(IReadOnlyList<FunctionDef> donors, Random random)
    {
        if (donors.Count == 0 || random.NextDouble() < 0.5) return null;
        var donor = Pick(donors, random);
        if (donor.Body.Count == 0) return null;
        return donor.Body[random.Next(donor.Body.Count)].Value is CallExpr { Callee: NameExpr n } && _registry.TryGet(n.Name, out var p) && p.Arity > 0 ? p : null;
    }

    /// <summary>A call of <paramref name="primitive"/> over names in scope (variables preferred over constants), with one argument fixed if given.</summary>
    private CallExpr? Call(PrimitiveFunction primitive, List<ScopedName> scope, Random random, Position at, (int Slot, string Name)? fixedArg = null)
    {
        var variables = scope.Where(s => !DslConstants.TryGet(s.Name, out _)).ToList();
        var args = new List<Expr>(primitive.Arity);
        for (var i = 0; i < primitive.Arity; i++)
        {
            if (fixedArg is { } f && f.Slot == i)
            {
                args.Add(new NameExpr(f.Name, at));
                continue;
            }
            var wanted = primitive.Signature.Parameters[i].Type;
            var fromVariables = _types.Candidates(wanted, variables).ToList();
            var choices = fromVariables.Count > 0 && random.NextDouble() < 0.75 ? fromVariables : _types.Candidates(wanted, scope).ToList();
            if (choices.Count == 0) return null;
            args.Add(new NameExpr(Pick(choices, random), at));
        }
        return new CallExpr(new NameExpr(primitive.Name, at), args, at);
    }

    private static FunctionDef WithLine(FunctionDef program, int index, Expr value)
    {
        var body = program.Body.ToList();
        body[index] = body[index] with { Value = value };
        return program with { Body = body };
    }

    /// <summary>The next number after the largest xN the program assigns.</summary>
    private static int FreshIndex(FunctionDef program) =>
        1 + program.Body.Select(a => a.Target.Length > 1 && a.Target[0] == 'x' && int.TryParse(a.Target.AsSpan(1), out var k) ? k : 0).DefaultIfEmpty(0).Max();

    private static string FreshName(FunctionDef program) => $"x{FreshIndex(program)}";

    private static Expr Rename(Expr e, IReadOnlyDictionary<string, string> map) => e switch
    {
        NameExpr n when map.TryGetValue(n.Name, out var to) => n with { Name = to },
        CallExpr c => c with { Callee = Rename(c.Callee, map), Args = c.Args.Select(a => Rename(a, map)).ToList() },
        _ => e,
    };

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
