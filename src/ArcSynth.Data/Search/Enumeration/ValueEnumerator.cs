using System.Text;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// Bottom-up enumeration of short programs on one task's demonstration inputs, the fewest calls first:
/// every primitive applied to the values built so far whose runtime types its signature accepts, each
/// distinct behaviour on the inputs kept once, by its shortest program (observational equivalence).
/// A grid equal to every demonstration output is a solution; so are up to three patches and objects that,
/// filled or painted into the input, give every output (<see cref="PieceCover"/>); so is a crop of every
/// output out of the input at a patch's box or a pair's corner (<see cref="CropGoal"/>), and the canvas of
/// one-coloured outputs; after these, cell-wise rules over grids of the outputs' shape (<see cref="CellwiseGoal"/>) and
/// outputs laid out in blocks of the input's mirror images (<see cref="BlockLayout"/>); and, where the outputs differ from
/// the inputs in shape, the same from a grid of the outputs' shape built from the input (the input tiled). The edit search
/// reaches what is near its seeds; this reaches what is short, whatever the seeds are.
/// </summary>
/// <param name="maxCalls">Primitive calls per task (one per demonstration input a value is computed on).</param>
internal sealed class ValueEnumerator(PrimitiveRegistry registry, Limits limits, int maxCalls)
{
    /// <summary>Calls in the longest value built, besides the fills and paints that put pieces into the input.</summary>
    private const int MaxDepth = 4;

    /// <summary>Programs that fill or paint their way to every demonstration output, kept at most.</summary>
    private const int MaxSolutions = 8;

    /// <summary>
    /// Sets of several pieces kept at most: they fit demonstrations more easily than one value does, and many
    /// of them took every attempt from a seed that solved the task (9ddd00f0).
    /// </summary>
    private const int MaxCovers = 2;

    /// <summary>Cell-wise rules given to the edit search, at most, the fewest calls first.</summary>
    private const int MaxRules = 2;

    /// <summary>Calls in a grid that cell-wise rules are looked for over, at most: tophalf(I), vmirror(lefthalf(I)).</summary>
    private const int MaxCellwiseCalls = 2;

    /// <summary>
    /// Calls in a patch (or a set of patches) whose outlines and surroundings are offered as pieces, one call past it,
    /// at most: ofcolor(I, ONE), merge(fgpartition(I)).
    /// </summary>
    private const int MaxShapedCalls = 2;

    /// <summary>Cells of a patch, at most, on every demonstration, for the cells around or the lines through each to be offered.</summary>
    private const int MaxAroundCells = 24;

    /// <summary>
    /// Parts of a set, at most, on every demonstration, for each to be drawn around in its own colour: the tasks that do so
    /// have a few, and through each of a large grid's hundred parts the calls cost the most.
    /// </summary>
    private const int MaxColouredParts = 12;

    /// <summary>Grid programs nearest to the outputs given to the edit search besides the solutions.</summary>
    private const int NearPrograms = 12;

    private readonly PrimitiveRegistry _registry = registry;
    private readonly Limits _limits = limits;
    private readonly int _maxCalls = maxCalls;
    private readonly PrimitiveFunction[] _usable = registry.All.Where(Usable).ToArray();

    /// <summary>Primitives that may be passed as a function: of one or two parameters, not building functions.</summary>
    private readonly PrimitiveFunction[] _passable = registry.All.Where(q => q.Arity is 1 or 2 && q.Signature.Returns != DslType.Callable).ToArray();
    private readonly PieceCover.Into _into = new(Named(registry, "fill"), Named(registry, "paint"), Named(registry, "underfill"), Named(registry, "underpaint"));
    private readonly PrimitiveFunction? _subgrid = Named(registry, "subgrid");
    private readonly PrimitiveFunction? _crop = Named(registry, "crop");
    private readonly PrimitiveFunction? _astuple = Named(registry, "astuple");
    private readonly PrimitiveFunction? _canvas = Named(registry, "canvas");
    private readonly PrimitiveFunction? _mostcolor = Named(registry, "mostcolor");
    private readonly PrimitiveFunction? _mapply = Named(registry, "mapply");

    /// <summary>A patch's outlines and areas (box(x), delta(x)), tried as pieces on every short patch and, merged, on every short set of them.</summary>
    private readonly PrimitiveFunction[] _outlines = Each(registry, "box", "backdrop", "delta", "inbox", "outbox", "corners");

    /// <summary>The cells around a cell and the lines through it (mapply(dneighbors, x)), tried as pieces, merged, on every short patch of indices.</summary>
    private readonly PrimitiveFunction[] _around = Each(registry, "dneighbors", "ineighbors", "neighbors", "hfrontier", "vfrontier");

    /// <summary>The primitives that pick a container's item by a key: the largest and smallest part.</summary>
    private readonly PrimitiveFunction[] _extremes = Each(registry, "argmax", "argmin");

    private static PrimitiveFunction[] Each(PrimitiveRegistry registry, params string[] names) => [.. names.Select(n => Named(registry, n)).OfType<PrimitiveFunction>()];

    private static PrimitiveFunction? Named(PrimitiveRegistry registry, string name) => registry.TryGet(name, out var p) ? p : null;

    /// <summary>
    /// The solutions found, then the grids nearest to the outputs, as programs named <c>enumerated{k}_{taskId}</c>.
    /// Test inputs are not run and no output but the demonstrations' is read. The functions the <paramref name="prior"/>'s
    /// programs pass to a primitive most are passed first.
    /// </summary>
    public IReadOnlyList<FunctionDef> Programs(ArcTask task, FunctionPrior prior) => new Enumeration(this, task, prior).Run();

    /// <summary>
    /// Primitives the enumeration calls: those that do not build functions, and whose one function
    /// parameter, if any, is applied to the items of its container arguments with a known number of
    /// arguments (apply, sfilter, argmax, and prapply over two: <see cref="Parameter.Calls"/>): a primitive
    /// passed there must take those items. Not rapply, whose container holds functions, which the
    /// enumeration never builds: every call of it failed.
    /// </summary>
    internal static bool Usable(PrimitiveFunction p)
    {
        var ps = p.Signature.Parameters;
        if (p.Signature.Returns == DslType.Callable || ps.Any(x => x.Name == "functions")) return false;
        var functions = ps.Where(x => x.Type == DslType.Callable).ToList();
        return functions.Count == 0 || functions is [{ Calls: not null }] && ps.Any(x => x.Type != DslType.Callable && IsContainer(x.Type));
    }

    /// <summary>
    /// The primitives that may be passed as <paramref name="primitive"/>'s function parameter <paramref name="k"/> over items
    /// of <paramref name="item"/>: those taking as many arguments as it is called with (one for apply, two for prapply's pairs), the first the items,
    /// and giving what the primitive makes use of (<see cref="FunctionResults"/>).
    /// </summary>
    internal IEnumerable<PrimitiveFunction> FunctionsFor(PrimitiveFunction primitive, int k, DslType item)
    {
        var function = primitive.Signature.Parameters[k];
        var result = FunctionResults.GetValueOrDefault(primitive.Name, DslType.Any);
        return _passable.Where(q => function.Takes(q) && TypeLattice.IsAssignable(item, q.Signature.Parameters[0].Type)
            && (q.Signature.Returns == DslType.Any || TypeLattice.IsAssignable(q.Signature.Returns, result)));
    }

    /// <summary>
    /// What the function passed to a primitive must give for the call to differ from a plainer one: a condition
    /// to filter by, a number or pair to order by, a container to merge. Python takes any value there (sfilter(x, size)
    /// keeps every non-empty item), and such calls took most of a depth's budget: mapply(neighbors, ofcolor(I, ONE))
    /// lay beyond 25,000 calls (f0df5ff0).
    /// </summary>
    private static readonly Dictionary<string, DslType> FunctionResults = new(StringComparer.Ordinal)
    {
        ["sfilter"] = DslType.Boolean, ["mfilter"] = DslType.Boolean, ["extract"] = DslType.Boolean,
        ["argmax"] = DslType.Numerical, ["argmin"] = DslType.Numerical, ["valmax"] = DslType.Numerical, ["valmin"] = DslType.Numerical,
        ["order"] = DslType.Numerical, ["mapply"] = DslType.Container, ["mpapply"] = DslType.Container,
    };

    private static bool IsContainer(DslType t) => t is not (DslType.Grid or DslType.Any) && TypeLattice.IsAssignable(t, DslType.Container);

    /// <summary>
    /// One task's enumeration: from its inputs, or, where <paramref name="root"/> is given, from that grid of the
    /// outputs' shape built from them (a base), with <paramref name="budget"/> calls.
    /// </summary>
    private sealed class Enumeration(ValueEnumerator owner, ArcTask task, FunctionPrior prior, Term? root = null, int? budget = null)
    {
        /// <summary>The input I, or the base the enumeration starts from, written out as its calls.</summary>
        private readonly Term _root = root ?? new Term("I", null, [], [.. task.Train.Select(e => e.Input)], DslType.Grid, 0) { FromInput = true };

        /// <summary>What the enumeration builds from on each demonstration: its input, or the base's value there.</summary>
        private readonly Grid[] _inputs = root is null ? [.. task.Train.Select(e => e.Input)] : [.. root.Values.Cast<Grid>()];
        private readonly int _budget = budget ?? owner._maxCalls;

        /// <summary>The input tiled into the outputs' blocks, where the outputs are blocks of its shape: a base before any other.</summary>
        private Term? _tiled;

        /// <summary>The solutions found from bases.</summary>
        private readonly List<FunctionDef> _based = [];
        private readonly Grid[] _outputs = task.Train.Select(e => e.Output!).ToArray();

        /// <summary>Per number of calls, the terms of each runtime type.</summary>
        private readonly List<Dictionary<DslType, List<Term>>> _byType = [];

        /// <summary>Per number of calls, the terms a parameter of each declared type takes (made when first asked for, kept up to date).</summary>
        private readonly List<Dictionary<DslType, List<Term>>> _byParameter = [];
        private readonly Dictionary<long, List<Term>> _seen = [];
        /// <summary>The primitives that may be passed as functions, as leaves.</summary>
        private readonly Dictionary<PrimitiveFunction, Term> _functions = [];
        /// <summary>Per primitive, function parameter and item type, the functions passed there, in the prior's order (made when first asked for).</summary>
        private readonly Dictionary<(PrimitiveFunction, int, DslType), Term[]> _passed = [];
        /// <summary>Sets of pieces that give every output when put into the input.</summary>
        private readonly List<Piece[]> _solutions = [];
        private readonly List<(double Distance, Term Grid)> _near = [];

        /// <summary>
        /// Cell-wise rules that give every output. They come after the enumeration's own solutions and do not end
        /// it: a rule of many colours fits a few demonstrations by chance (9565186b's colours mapped one by one, where
        /// the commonest colour stays and the rest become 5).
        /// </summary>
        private readonly List<Term> _rules = [];

        /// <summary>The short patches built at this depth, whose outlines and surroundings are offered after it.</summary>
        private readonly List<Term> _shaped = [];
        private PieceCover? _cover;
        private CropGoal? _crops;
        private CellwiseGoal? _cellwise;
        private Term? _solved;
        private int _calls;

        /// <summary>The solutions of several pieces.</summary>
        private int Covers => _solutions.Count(s => s.Length > 1);

        public IReadOnlyList<FunctionDef> Run()
        {
            Enumerate();
            return Programs();
        }

        /// <summary>Builds the terms depth by depth, keeping the solutions, rules and near grids met on the way.</summary>
        private void Enumerate()
        {
            _cover = PieceCover.Of(_inputs, _outputs, Backgrounds());
            _crops = owner._subgrid is null ? null : CropGoal.Of(_inputs, _outputs);
            _cellwise = CellwiseGoal.Of(_inputs, _outputs);
            NewDepth();
            Add(_root);
            foreach (var c in DslConstants.All)
                Add(Leaf(c));
            foreach (var q in owner._passable)
                _functions[q] = Leaf(q);
            Vary();
            Parts();
            Layouts();
            Enclosed();
            for (var depth = 1; depth <= MaxDepth && !Done; depth++)
            {
                NewDepth();
                if (depth == 2)
                {
                    Extremes();
                    Thresholds();
                }
                if (depth == 3) Counted();
                var allowance = (_budget - _calls) / (MaxDepth - depth + 1);
                var start = _calls;
                for (var i = 0; i < owner._usable.Length && !Done; i++)
                {
                    // Each primitive gets an equal share of what this depth has left, so the budget is not
                    // spent on the first primitives by name.
                    var share = (allowance - (_calls - start)) / (owner._usable.Length - i);
                    var stop = _calls + Math.Max(share, 0);
                    var primitive = owner._usable[i];
                    Combine(primitive, new Term[primitive.Arity], 0, depth - 1, stop);
                }
                // The depth's short patches' shapes, from what it left: offered as they were built, they spent the
                // share of the primitive that built them (33 calls each at 3 demonstrations), and ofcolor(I, THREE) was never built.
                foreach (var term in _shaped)
                    if (!Done) Shapes(term);
                _shaped.Clear();
                // After each depth, as the budget can end the last one midway.
                if (_cover is not null && _solved is null && _solutions.Count < MaxSolutions && Covers < MaxCovers)
                    _solutions.AddRange(_cover.Covers(Math.Min(MaxSolutions - _solutions.Count, MaxCovers - Covers)));
                // A one-coloured output is a canvas before it is a crop: one cell lies in almost any grid.
                Canvas();
                CropAtCorners();
                if (_cellwise is not null) Keep(_cellwise.Overlays().ToList());
                if (depth == BaseDepth && root is null && _cover is null && _solved is null) Based();
            }
        }

        /// <summary>Calls in a base at most, and the depth after which bases are enumerated from.</summary>
        private const int BaseDepth = 3;

        /// <summary>Bases enumerated from, at most, each with at most <see cref="BaseCalls"/> of the budget.</summary>
        private const int MaxBases = 2;
        private const int BaseCalls = 4_000;

        /// <summary>The solved grid, the sets of pieces and the rules, as programs.</summary>
        private List<FunctionDef> Solutions()
        {
            var programs = new List<FunctionDef>();
            if (_solved is not null) programs.Add(Program(_solved, []));
            foreach (var pieces in _solutions) programs.Add(Program(null, pieces));
            foreach (var rule in _rules.OrderBy(r => r.Calls).Take(MaxRules)) programs.Add(Program(rule, []));
            return programs;
        }

        /// <summary>
        /// Where the outputs differ from the inputs in shape, so no piece can be put into the input: a grid of the outputs'
        /// shape (the input tiled, else the nearest of at most three calls) is enumerated from as if it were the input, so
        /// its pieces and rules are found (10fcaaa3: the input tiled two by two, its 0s' surroundings underfilled with 8).
        /// Its calls count against this enumeration's budget.
        /// </summary>
        private void Based()
        {
            var shaped = _near.Where(n => n.Grid.Calls <= BaseDepth && n.Grid.Values.Select((v, d) => v is Grid g && g.Height == _outputs[d].Height && g.Width == _outputs[d].Width).All(x => x))
                .OrderBy(n => n.Distance).ThenBy(n => n.Grid.Calls).Select(n => n.Grid);
            foreach (var grid in (_tiled is null ? shaped : shaped.Prepend(_tiled)).Take(MaxBases).ToList())
            {
                var rooted = new Term(null, grid.Callee, grid.Args, grid.Values, DslType.Grid, 0) { FromInput = true };
                var sub = new Enumeration(owner, task, prior, rooted, Math.Min(BaseCalls, Math.Max(0, _budget - _calls)));
                sub.Enumerate();
                _calls += sub._calls;
                _based.AddRange(sub.Solutions());
            }
        }

        private void NewDepth()
        {
            _byType.Add([]);
            _byParameter.Add([]);
        }

        private bool Done => _solved is not null || _solutions.Count >= MaxSolutions || _calls >= _budget;

        /// <summary>
        /// Calls <paramref name="primitive"/> on every typed choice of arguments from parameter <paramref name="k"/> on
        /// whose calls add up to <paramref name="left"/>, leaving parameter <paramref name="chosen"/> as it is where it was chosen ahead.
        /// </summary>
        private void Combine(PrimitiveFunction primitive, Term[] args, int k, int left, int stop, int chosen = -1)
        {
            if (_calls >= stop || Done) return;
            if (k == args.Length)
            {
                if (left == 0) Call(primitive, args);
                return;
            }
            if (k == chosen)
            {
                Combine(primitive, args, k + 1, left, stop, chosen);
                return;
            }
            var parameters = primitive.Signature.Parameters;
            var type = parameters[k].Type;
            if (type == DslType.Callable)
            {
                // The container's items decide which primitives may be passed: the container comes first in
                // some signatures (sfilter, argmax) and second in others (apply, mapply), then it is chosen ahead.
                var container = Enumerable.Range(0, args.Length).First(j => j != k && IsContainer(parameters[j].Type));
                if (container < k) Functions(primitive, args, k, args[container], left, stop, chosen);
                else
                    for (var size = 0; size <= left; size++)
                        foreach (var t in Taking(size, parameters[container].Type))
                        {
                            if (_calls >= stop || Done) return;
                            args[container] = t;
                            Functions(primitive, args, k, t, left - size, stop, container);
                        }
                return;
            }
            // Booleans and untyped parameters take leaves only: any value fits them, and all of them would swamp the rest.
            var deepest = type is DslType.Boolean or DslType.Any ? 0 : left;
            for (var size = 0; size <= deepest; size++)
                foreach (var t in Taking(size, type))
                {
                    if (_calls >= stop || Done) return;
                    args[k] = t;
                    Combine(primitive, args, k + 1, left - size, stop, chosen);
                }
        }

        /// <summary>
        /// Chooses the primitive passed as parameter <paramref name="k"/> among those that take the items of <paramref name="container"/>,
        /// those the prior passes there most first, the rest in the registry's order.
        /// </summary>
        private void Functions(PrimitiveFunction primitive, Term[] args, int k, Term container, int left, int stop, int chosen)
        {
            if (RuntimeType.ItemOf(container.Values[0]) is not { } item) return;
            if (!_passed.TryGetValue((primitive, k, item), out var functions))
                _passed[(primitive, k, item)] = functions =
                    [.. owner.FunctionsFor(primitive, k, item).OrderByDescending(q => prior.Passes(primitive.Name, k, q.Name)).Select(q => _functions[q])];
            foreach (var fn in functions)
            {
                if (_calls >= stop || Done) return;
                args[k] = fn;
                Combine(primitive, args, k + 1, left, stop, chosen);
            }
        }

        /// <summary>The terms of <paramref name="size"/> calls that a parameter of <paramref name="type"/> takes.</summary>
        private List<Term> Taking(int size, DslType type)
        {
            if (!_byParameter[size].TryGetValue(type, out var list))
                _byParameter[size][type] = list = _byType[size].Where(e => Takes(type, e.Key)).SelectMany(e => e.Value).ToList();
            return list;
        }

        /// <summary>
        /// Whether a parameter of <paramref name="parameter"/> takes a value of <paramref name="value"/>: as the
        /// lattice says, but a grid only where a piece or an element is asked for: a container parameter
        /// iterates it by rows (sizefilter(I, 2), apply(f, I)), which is almost never meant. And indices where
        /// a container of containers is asked for, as arc-dsl's solvers pass them (mapply(neighbors, x1): its
        /// items are pairs); the lattice keeps that out of generated programs.
        /// </summary>
        private static bool Takes(DslType parameter, DslType value) =>
            (TypeLattice.IsAssignable(value, parameter) || parameter == DslType.ContainerContainer && value == DslType.Indices)
            && (value != DslType.Grid || parameter is DslType.Grid or DslType.Piece or DslType.Element or DslType.Any);

        private void Call(PrimitiveFunction primitive, Term[] args)
        {
            // A value the input does not enter is the same on every task: rarely what a task needs, and
            // from constants alone there are many (every line between two constant points).
            if (!args.Any(a => a.FromInput) || Evaluate(primitive, args) is not { } values || TypeOf(values) is not { } type) return;
            Add(new Term(null, primitive, [.. args], values, type, args.Sum(a => a.Calls) + 1) { FromInput = true });
        }

        /// <summary>The values of <paramref name="primitive"/> called on <paramref name="args"/> on each demonstration; null where a call fails.</summary>
        private Value[]? Evaluate(PrimitiveFunction primitive, Term[] args)
        {
            var values = new Value[_inputs.Length];
            var parts = new Value[args.Length];
            using (owner._limits.Enter())
            {
                for (var d = 0; d < _inputs.Length; d++)
                {
                    _calls++;
                    for (var j = 0; j < args.Length; j++) parts[j] = args[j].Values[d];
                    try { values[d] = primitive.Call(parts); }
                    catch (Exception e) when (e is not OutOfMemoryException) { return null; }
                }
            }
            return values;
        }

        /// <summary>
        /// Calls <paramref name="primitive"/> on <paramref name="args"/> and keeps the call as the solution where it
        /// gives every output; not as a term: its calls may exceed the depth being built.
        /// </summary>
        private void Solve(PrimitiveFunction primitive, Term[] args)
        {
            if (_solved is null && Apply(primitive, args) is { } grid && GivesOutputs(grid))
                _solved = grid;
        }

        /// <summary>Whether <paramref name="term"/> is every demonstration's output.</summary>
        private bool GivesOutputs(Term term) => term.Values.Select((v, d) => v.Equals(_outputs[d])).All(x => x);

        /// <summary>The term of <paramref name="primitive"/> called on <paramref name="args"/>, not kept (its values may be empty sets throughout); null where a call fails.</summary>
        private Term? Apply(PrimitiveFunction primitive, Term[] args) =>
            Evaluate(primitive, args) is { } values
                ? new Term(null, primitive, args, values, TypeOf(values) ?? DslType.Any, args.Sum(a => a.Calls) + 1) { FromInput = args.Any(a => a.FromInput) }
                : null;

        /// <summary>The term of the primitive named <paramref name="name"/> called on <paramref name="args"/>; null where the registry lacks it or a call fails.</summary>
        private Term? Apply(string name, params Term[] args) => owner._registry.TryGet(name, out var primitive) ? Apply(primitive, args) : null;

        /// <summary>The one runtime type of the values, an empty set fitting any set type; null where they differ or none is kept.</summary>
        private static DslType? TypeOf(Value[] values)
        {
            DslType? type = null;
            foreach (var v in values)
            {
                if (v is FrozenSetValue { Count: 0 }) continue;
                if (RuntimeType.Of(v) is not { } t || t == DslType.Callable || type is { } u && u != t) return null;
                type = t;
            }
            return type;
        }

        private void Add(Term term)
        {
            var key = 17L;
            foreach (var v in term.Values) key = key * 1_000_003 + v.Hash;
            if (_seen.TryGetValue(key, out var same))
            {
                // Values equal as Python compares them are one behaviour, whatever their types: ZERO and ONE
                // are F and T, so no integer call is 0 or 1 on every input. Kept apart, they made every depth wider and
                // solved 405 held-out tasks over 8 seeds against 422. The leaves are kept apart: without ZERO and
                // ONE no call could ask for colour 0 or 1 (ofcolor(I, ONE)).
                if (term.Calls > 0 && same.Any(s => s.Values.AsSpan().SequenceEqual(term.Values))) return;
                same.Add(term);
            }
            else _seen[key] = [term];
            var byType = _byType[term.Calls];
            if (!byType.TryGetValue(term.Type, out var list)) byType[term.Type] = list = [];
            list.Add(term);
            foreach (var (type, taking) in _byParameter[term.Calls])
                if (Takes(type, term.Type)) taking.Add(term);
            Check(term);
        }

        private void Check(Term term)
        {
            if (term.Type == DslType.Grid && term.Calls <= CropGoal.MaxGridCalls && _crops is not null && _crops.Keep(term))
                foreach (var patch in Patches().Where(p => _crops.Cropping(p).Contains(term)).ToList())
                    Solve(owner._subgrid!, [patch, term]);
            if (term.Type is DslType.Indices or DslType.Object && term.Calls > 0 && _crops is not null)
                foreach (var grid in _crops.Cropping(term))
                    Solve(owner._subgrid!, [term, grid]);
            if (term.Type == DslType.Grid && term.Calls <= MaxCellwiseCalls) Cellwise(term);
            if (term.Type == DslType.Grid && term.Calls > 0)
            {
                var distance = 0.0;
                var exact = true;
                for (var d = 0; d < _inputs.Length; d++)
                {
                    var g = (Grid)term.Values[d];
                    exact &= g.Equals(_outputs[d]);
                    distance += GridDistance.Relative(g, _inputs[d], _outputs[d]);
                }
                if (exact) _solved = term;
                else _near.Add((distance / _inputs.Length, term));
            }
            else if (term.Type is DslType.Indices or DslType.Object or DslType.Objects or DslType.IndicesSet && term.Calls > 0 && _cover is not null)
            {
                if (term.Type is DslType.Indices or DslType.Object) Offer(term);
                if (term.Calls <= MaxShapedCalls) _shaped.Add(term);
            }
        }

        private void Offer(Term patch)
        {
            foreach (var piece in _cover!.Offer(patch, owner._into, Integer))
                _solutions.Add([piece]);
        }

        /// <summary>
        /// Offers as pieces, not as terms, what one more call makes of a short patch: its outlines and areas (the box of
        /// the 8s), the cells around its cells, the lines through them (mapply(dneighbors, ofcolor(I, ONE))) and the lines
        /// joining them (<see cref="Joined"/>), and of a set of patches each one's outline, merged (mapply(box, objects(I, F,
        /// F, T))), and of a set of one call its parts by size (<see cref="Sized"/>) and each part's shapes in its colour
        /// (<see cref="Coloured"/>). Drawing around what is there is common; as terms these take a depth's share that rarely
        /// reaches them, and would widen every depth after.
        /// </summary>
        private void Shapes(Term term)
        {
            var patch = term.Type is DslType.Indices or DslType.Object;
            foreach (var outline in owner._outlines)
                if ((patch ? Apply(outline, [term]) : Merged(outline, term)) is { Type: DslType.Indices } shape) Offer(shape);
            // Around or through every cell of a large patch is most of the grid, and the calls cost the most.
            if (term.Type == DslType.Indices && term.Values.All(v => ((FrozenSetValue)v).Count <= MaxAroundCells))
            {
                foreach (var around in owner._around)
                    if (Merged(around, term) is { Type: DslType.Indices } shape) Offer(shape);
                if (Passed("connect") is { } connect && Apply("prapply", connect, term, term) is { } lines)
                    foreach (var joined in Joined(lines))
                        Offer(joined);
            }
            if (term.Type == DslType.Objects && term.Calls == 1)
            {
                Sized(term);
                if (term.Values.All(v => ((FrozenSetValue)v).Count <= MaxColouredParts)) Coloured(term);
            }
        }

        /// <summary>
        /// Offers each part's outline or area, or the cells around its centre, the lines through it or the rays from it, in the part's own
        /// colour: mapply(fork(recolor, color, backdrop), fgpartition(I)), painted (56ff96f3). Each part keeping its colour is
        /// common (21 of arc-dsl's solvers write fork(recolor, color, ...)), and the functions are built, beyond the depths.
        /// Where every part has at most <see cref="MaxAroundCells"/> cells, also the lines joining its cells (1f876c06).
        /// </summary>
        private void Coloured(Term parts)
        {
            _recoloured ??= Recolourings();
            var small = parts.Values.All(v => ((FrozenSetValue)v).Items().All(p => ((FrozenSetValue)p).Count <= MaxAroundCells));
            foreach (var (function, joining) in _recoloured)
                if ((small || !joining) && Apply("mapply", function, parts) is { Type: DslType.Object } painted) Offer(painted);
        }

        /// <summary>
        /// fork(recolor, color, f) for each outline f, each compose(g, center) of a surrounding or ray g and each choice of the lines
        /// joining a part's cells (those marked joining): made once a task.
        /// </summary>
        private List<(Term Function, bool Joining)>? _recoloured;

        private List<(Term, bool)> Recolourings()
        {
            var shapes = new List<(Term, bool)>();
            if (Passed("recolor") is not { } recolor || Passed("color") is not { } colour) return shapes;
            shapes.AddRange(owner._outlines.Select(o => _functions.GetValueOrDefault(o)).OfType<Term>().Select(f => (f, false)));
            if (Passed("center") is { } centre)
                foreach (var around in owner._around.Select(a => _functions.GetValueOrDefault(a)).OfType<Term>().Concat(Rays()))
                    if (Apply("compose", around, centre) is { } centred) shapes.Add((centred, false));
            // prapply(connect, x, x) of a part's cells: fork(lbind(prapply, connect), toindices, toindices).
            if (Function("prapply") is { } prapply && Passed("connect") is { } connect && Passed("toindices") is { } cells
                && Apply("lbind", prapply, connect) is { } pairwise && Apply("fork", pairwise, cells, cells) is { } lines)
            {
                if (Passed("merge") is { } merge && Apply("compose", merge, lines) is { } all) shapes.Add((all, true));
                _straight ??= Straight();
                if (Passed("mfilter") is { } filter)
                    foreach (var condition in _straight)
                        if (Apply("rbind", filter, condition) is { } keep && Apply("compose", keep, lines) is { } some) shapes.Add((some, true));
            }
            var functions = new List<(Term, bool)>();
            foreach (var (shape, joining) in shapes)
                if (Apply("fork", recolor, colour, shape) is { } function) functions.Add((function, joining));
            return functions;
        }

        /// <summary>
        /// The lines joining a short patch's cells, from prapply(connect, x, x): all of them, merged (1f876c06's diagonals), and
        /// those along a row, a column, or either (22168020: each V shape filled across; dbc1a6ce: 1s joined by 8s).
        /// </summary>
        private IEnumerable<Term> Joined(Term lines)
        {
            if (Apply("merge", lines) is { Type: DslType.Indices } all) yield return all;
            _straight ??= Straight();
            foreach (var condition in _straight)
                if (Apply("mfilter", lines, condition) is { Type: DslType.Indices } some) yield return some;
        }

        /// <summary>rbind(shoot, d) for each of the eight directions d: the rays from a cell to the border.</summary>
        private IEnumerable<Term> Rays()
        {
            if (Passed("shoot") is not { } shoot) yield break;
            foreach (var name in Directions)
                if (DslConstants.TryGet(name, out var direction) && Apply("rbind", shoot, Leaf(direction)) is { } ray) yield return ray;
        }

        private static readonly string[] Directions = ["DOWN", "UP", "RIGHT", "LEFT", "UNITY", "NEG_UNITY", "UP_RIGHT", "DOWN_LEFT"];

        /// <summary>hline, vline and fork(either, hline, vline): made once a task.</summary>
        private List<Term>? _straight;

        private List<Term> Straight()
        {
            var conditions = new List<Term>();
            if (Passed("hline") is not { } h || Passed("vline") is not { } v) return conditions;
            conditions.AddRange([h, v]);
            if (Passed("either") is { } either && Apply("fork", either, h, v) is { } both) conditions.Add(both);
            return conditions;
        }

        /// <summary>
        /// Offers the parts of each size the demonstrations' parts have (up to TEN), merged: merge(sizefilter(objects(I, T, F, T), FOUR)).
        /// Recolouring parts by their size is common (6e82a1ae), and the size a task picks rarely comes early among a depth's integers.
        /// </summary>
        private void Sized(Term parts)
        {
            foreach (var size in Sizes(parts))
                if (Constant(size) is { } k) OfSize(parts, k);
        }

        /// <summary>Offers the parts of <paramref name="parts"/> of size <paramref name="k"/>, merged: merge(sizefilter(x, k)).</summary>
        private void OfSize(Term parts, Term k)
        {
            if (Apply("sizefilter", parts, k) is { } sized && Apply("merge", sized) is { Type: DslType.Object } merged) Offer(merged);
        }

        /// <summary>The sizes of the parts of <paramref name="parts"/> on any demonstration, smallest first.</summary>
        private static List<int> Sizes(Term parts) =>
            [.. parts.Values.SelectMany(v => ((FrozenSetValue)v).Items().Select(p => ((FrozenSetValue)p).Count)).Distinct().Order()];

        /// <summary>
        /// Offers the largest parts and the smallest, all of them where several are: merge(sizefilter(x, valmin(x, size)))
        /// (6455b5f5: the largest space in 1, the smallest ones in 8, of sizes that differ between demonstrations).
        /// </summary>
        private void Largest(Term parts)
        {
            if (Passed("size") is not { } size) return;
            foreach (var value in new[] { "valmax", "valmin" })
                if (Apply(value, parts, size) is { } k) OfSize(parts, k);
        }

        /// <summary>
        /// Offers, of every set of parts of one call, those at least and those under each size its parts have, merged:
        /// mfilter(x, compose(rbind(greater, ONE), size)) (e0fb7511: the 0s in 8 but single cells). After the largest and smallest
        /// parts, for a size read off the demonstrations fits them by chance where argmax(x, size) is meant (a61f2674), and the
        /// piece offered first is kept. Not on a base, whose few calls went on these before the pieces it is built for (10fcaaa3).
        /// </summary>
        private void Thresholds()
        {
            if (_cover is null || root is not null || Passed("greater") is not { } greater || Passed("size") is not { } size || !_byType[1].TryGetValue(DslType.Objects, out var sets)) return;
            // The conditions do not depend on the parts: each is built once.
            var conditions = new Dictionary<(string, int), Term?>();
            Term? Condition(string side, int k) =>
                conditions.TryGetValue((side, k), out var known) ? known : conditions[(side, k)] =
                    Constant(k) is { } n && Apply(side, greater, n) is { } than ? Apply("compose", than, size) : null;
            foreach (var parts in sets.ToList())
            {
                Largest(parts);
                foreach (var threshold in Sizes(parts).Skip(1))
                    foreach (var (side, k) in new[] { ("rbind", threshold - 1), ("lbind", threshold) })
                        if (Condition(side, k) is { } keep && Apply("mfilter", parts, keep) is { Type: DslType.Object } some) Offer(some);
            }
        }

        /// <summary>
        /// Builds first, at the depth of two calls, the largest and the smallest part of every set of parts of one call
        /// (argmax(objects(I, T, F, T), size)): arc-dsl's solvers pick a part so 46 times, and argmax's share of the depth
        /// ran out on the sets built before objects (a61f2674: the tallest bar in 1, the shortest in 2).
        /// </summary>
        private void Extremes()
        {
            if (Passed("size") is not { } size || !_byType[1].TryGetValue(DslType.Objects, out var sets)) return;
            foreach (var pick in owner._extremes)
                foreach (var parts in sets.ToList())
                    Call(pick, [parts, size]);
        }

        /// <summary>
        /// Builds first, at the depth of three calls, the part with the most cells of a colour and the one with the fewest, of every
        /// set of parts of one call whose parts have several colours, for each colour all inputs have: argmax(x, rbind(colorcount, ONE))
        /// (ae4f1146: the square with the most 1s, cropped; 7bb29440: the one with the fewest dots).
        /// </summary>
        private void Counted()
        {
            if (Passed("colorcount") is not { } count || !_byType[1].TryGetValue(DslType.Objects, out var sets)) return;
            var colours = _inputs.Select(i => i.ColourBits()).Aggregate((a, b) => (ushort)(a & b));
            foreach (var parts in sets.ToList())
            {
                if (!parts.Values.Any(v => ((FrozenSetValue)v).Items().Any(p => ((FrozenSetValue)p).Items().OfType<Cell>().Select(c => c.Color).Distinct().Count() > 1))) continue;
                for (var c = 0; c < 10; c++)
                    if ((colours >> c & 1) != 0 && Constant(c) is { } colour && Apply("rbind", count, colour) is { } key)
                        foreach (var pick in owner._extremes)
                            Call(pick, [parts, key]);
            }
        }

        /// <summary>mapply(<paramref name="function"/>, <paramref name="container"/>); null where the registry lacks mapply or a call fails.</summary>
        private Term? Merged(PrimitiveFunction function, Term container) =>
            owner._mapply is { } mapply && _functions.TryGetValue(function, out var passed) ? Apply(mapply, [passed, container]) : null;

        /// <summary>
        /// The term of fewest calls that is <paramref name="values"/> on each demonstration (any value where -1):
        /// leastcolor(I)..., or else the constant they all are.
        /// </summary>
        private Term? Integer(int[] values)
        {
            foreach (var terms in _byType)
                if (terms.TryGetValue(DslType.Integer, out var integers))
                    foreach (var t in integers)
                        if (Is(t, values)) return t;
            var known = values.Where(v => v >= 0).Distinct().ToList();
            return known.Count == 1 ? Constant(known[0]) : null;
        }

        /// <summary>The constant as a leaf, the same value on every demonstration.</summary>
        private Term Leaf(Constant c) => new(c.Name, null, [], Enumerable.Repeat(c.Value, _inputs.Length).ToArray(), c.Type, 0);

        /// <summary>Offers <paramref name="grid"/> to the cell-wise goal, and keeps the rules that give every output.</summary>
        private void Cellwise(Term grid)
        {
            if (_cellwise is not null) Keep(_cellwise.Offer(grid).ToList());
        }

        /// <summary>Keeps the rules that give every output.</summary>
        private void Keep(IEnumerable<CellwiseRule> rules)
        {
            foreach (var rule in rules)
                if (Written(rule) is { } written && GivesOutputs(written))
                    _rules.Add(written);
        }

        /// <summary>Each input's commonest colour, as mostcolor gives it (-1 where the registry lacks it: no cell is background then).</summary>
        private int[] Backgrounds() =>
            [.. _inputs.Select(i => owner._mostcolor?.Call([i]) is Int c ? c.V : -1)];

        /// <summary>
        /// The input's rarest and commonest colours, and its colour other than 0 (other(palette(I), ZERO)), which cell-wise
        /// tables may read where they differ between demonstrations.
        /// </summary>
        private void Vary()
        {
            if (_cellwise is null) return;
            var input = _byType[0][DslType.Grid][0];
            foreach (var name in new[] { "leastcolor", "mostcolor" })
                if (Apply(name, input) is { } colour) _cellwise.Vary(colour);
            if (Apply("palette", input) is { } palette && Apply("other", palette, Number(0)) is { } other) _cellwise.Vary(other);
        }

        /// <summary>
        /// The input's halves, quarters (lefthalf(tophalf(I))), thirds and fourths (first(remove(first(x), x)) of
        /// x = hsplit(I, THREE)) where the outputs have their shape, offered to the cell-wise goal before the
        /// enumeration begins: parts laid over or combined are common, and its budget reaches a quarter late and a
        /// third never.
        /// </summary>
        private void Parts()
        {
            var input = _byType[0][DslType.Grid][0];
            var (rows, columns, quarters) = (OutputsAre(h => h / 2, w => w), OutputsAre(h => h, w => w / 2), OutputsAre(h => h / 2, w => w / 2));
            foreach (var half in new[] { "tophalf", "bottomhalf" })
                if ((rows || quarters) && Apply(half, input) is { } top)
                {
                    if (rows) Cellwise(top);
                    if (quarters)
                        foreach (var quarter in new[] { "lefthalf", "righthalf" })
                            if (Apply(quarter, top) is { } part) Cellwise(part);
                }
            foreach (var half in new[] { "lefthalf", "righthalf" })
                if (columns && Apply(half, input) is { } left) Cellwise(left);
            foreach (var n in new[] { 3, 4 })
                foreach (var split in new[] { "hsplit", "vsplit" })
                    if ((split == "hsplit" ? OutputsAre(h => h, w => w / n) : OutputsAre(h => h / n, w => w)) &&
                        Apply(split, input, Number(n)) is { } parts && Apply("first", parts) is { } first && Apply("last", parts) is { } last)
                    {
                        Cellwise(first);
                        if (Apply("remove", first, parts) is { } rest && Apply("first", rest) is { } second) Cellwise(second);
                        if (Apply("remove", last, parts) is { } before && Apply("last", before) is { } third) Cellwise(third);
                        Cellwise(last);
                    }
        }

        /// <summary>
        /// Where outputs are their inputs with cells changed, the background cells that no path along the background reaches
        /// from the border (the insides of closed shapes: 00d62c1b, 7b6016b9), offered as a piece: the background's parts
        /// (of colour 0, and of the commonest colour where that differs) that do not touch the border, merged, and those
        /// that do (84db8fc4: the enclosed cells one colour, the open ones another); and the background's largest and
        /// smallest parts (<see cref="Largest"/>) and its enclosed parts of each size (84f2aca1: holes of one cell in 5, of two in 7). Filling what a
        /// shape encloses is common, and its five calls, two of them building functions, lie beyond the depths.
        /// </summary>
        private void Enclosed()
        {
            if (_cover is null || Apply("objects", _root, Flag("T"), Flag("F"), Flag("F")) is not { } parts
                || Passed("bordering") is not { } bordering || Passed("flip") is not { } flip
                || Apply("rbind", bordering, _root) is not { } touching || Apply("compose", flip, touching) is not { } inside) return;
            var colours = new List<Term> { Number(0) };
            if (Apply("mostcolor", _root) is { } common && !common.Values.SequenceEqual(colours[0].Values)) colours.Add(common);
            foreach (var colour in colours)
                if (Apply("colorfilter", parts, colour) is { Type: DslType.Objects } background)
                {
                    foreach (var side in new[] { inside, touching })
                        if (Apply("mfilter", background, side) is { Type: DslType.Object } region) Offer(region);
                    // Not on a base: its few calls (BaseCalls) went on these before the pieces it is built for (10fcaaa3).
                    if (root is not null) continue;
                    Largest(background);
                    if (Apply("sfilter", background, inside) is { Type: DslType.Objects } holes) Sized(holes);
                }
        }

        /// <summary>The boolean constant named <paramref name="name"/> (T or F) as a leaf.</summary>
        private Term Flag(string name) => DslConstants.TryGet(name, out var flag) ? Leaf(flag) : throw new ArgumentException($"no constant {name}", nameof(name));

        /// <summary>The primitive named <paramref name="name"/> as a leaf, of any arity (prapply, passed to lbind); null where the registry lacks it.</summary>
        private Term? Function(string name) =>
            Passed(name) ?? (owner._registry.TryGet(name, out var primitive) ? Leaf(primitive) : null);

        /// <summary>The primitive as a leaf passed to another, the same function on every demonstration.</summary>
        private Term Leaf(PrimitiveFunction primitive) =>
            new(primitive.Name, primitive, [], Enumerable.Repeat<Value>(primitive, _inputs.Length).ToArray(), DslType.Callable, 0);

        /// <summary>The primitive named <paramref name="name"/> as a function passed to another; null where the registry lacks it or it cannot be passed.</summary>
        private Term? Passed(string name) =>
            owner._registry.TryGet(name, out var primitive) && _functions.TryGetValue(primitive, out var passed) ? passed : null;

        /// <summary>
        /// Where the outputs are blocks of the input's shape (<see cref="BlockLayout"/>): the input's symmetries (or a
        /// one-coloured canvas) that are the blocks on every demonstration, laid out, as a rule; and the input tiled into
        /// the blocks, and upscaled by their number, offered to the cell-wise goal (a copy kept where the input's cell is
        /// set: 5b6cbef5).
        /// </summary>
        private void Layouts()
        {
            if (BlockLayout.Of(_inputs, _outputs) is not { } layout) return;
            var input = _byType[0][DslType.Grid][0];
            var copies = new[] { "hmirror", "vmirror", "rot180", "dmirror", "cmirror", "rot90", "rot270" }
                .Select(name => Apply(name, input)).OfType<Term>().Prepend(input).ToList();
            var canvases = new Dictionary<int, Term?>();
            var concatenated = new Dictionary<(string, Term, Term), Term?>();
            // The same pair concatenated is one term, so a row that repeats is written once.
            Term? Concat(string name, Term? a, Term b) =>
                a is null ? b : concatenated.TryGetValue((name, a, b), out var t) ? t : concatenated[(name, a, b)] = Apply(name, a, b);
            Term? Canvas(int colour) =>
                canvases.TryGetValue(colour, out var t) ? t
                : canvases[colour] = Apply("shape", input) is { } shape ? Apply("canvas", Number(colour), shape) : null;
            Term? Laid(Func<int, int, Term?> block)
            {
                Term? grid = null;
                for (var i = 0; i < layout.Rows; i++)
                {
                    Term? row = null;
                    for (var j = 0; j < layout.Columns; j++)
                        if (block(i, j) is not { } b || (row = Concat("hconcat", row, b)) is null) return null;
                    if ((grid = Concat("vconcat", grid, row!)) is null) return null;
                }
                return grid;
            }
            var symmetric = Laid((i, j) => copies.FirstOrDefault(c => layout.IsBlock(c.Values, i, j)) ??
                (layout.Colour(i, j) is { } colour ? Canvas(colour) : null));
            if (symmetric is not null && GivesOutputs(symmetric)) _rules.Add(symmetric);
            if (Laid((_, _) => input) is { } tiled)
            {
                Cellwise(tiled);
                _tiled = tiled;
            }
            if (layout.Rows == layout.Columns && Constant(layout.Rows) is { } factor && Apply("upscale", input, factor) is { } upscaled)
                Cellwise(upscaled);
        }

        /// <summary>Whether every output has the height and width <paramref name="height"/> and <paramref name="width"/> make of its input's.</summary>
        private bool OutputsAre(Func<int, int> height, Func<int, int> width) =>
            _inputs.Select((input, d) => _outputs[d].Height == height(input.Height) && _outputs[d].Width == width(input.Width)).All(x => x);

        /// <summary>The grid <paramref name="rule"/> writes; null where a call fails.</summary>
        private Term? Written(CellwiseRule rule) => rule switch
        {
            FillRule fills => Written(fills),
            LayerRule layers => Written(layers),
            _ => null,
        };

        /// <summary>The first layer with its unset cells painted from each next layer in turn.</summary>
        private Term? Written(LayerRule rule)
        {
            var grid = rule.Grids[0];
            foreach (var layer in rule.Grids.Skip(1))
                if (Apply("ofcolor", grid, Number(rule.Unset)) is not { } unset || Apply("toobject", unset, layer) is not { } seen ||
                    Apply("paint", grid, seen) is not { } painted) return null;
                else grid = painted;
            return grid;
        }

        /// <summary>
        /// The first grid, or a canvas of the first grid's shape, with each colour filled into the union (combine) of
        /// its sets; each ofcolor written once.
        /// </summary>
        private Term? Written(FillRule rule)
        {
            var colours = new Dictionary<ColourCells, Term?>();
            Term? Colour(int c) => c == CellwiseGoal.Varying ? rule.Varying : Number(c);
            Term? Cells(ColourCells c) =>
                colours.TryGetValue(c, out var t) ? t
                : colours[c] = c.Colour == ColourCells.Any ? Apply("asindices", rule.Grids[c.Grid])
                : Colour(c.Colour) is { } colour ? Apply("ofcolor", rule.Grids[c.Grid], colour) : null;
            Term? Set(CellSet s) =>
                Cells(s.First) is not { } first ? null
                : s.Second is not { } second ? first
                : Cells(second) is { } other ? Apply(s.Without ? "difference" : "intersection", first, other) : null;
            var grid = rule.Canvas is { } c ? Apply("shape", rule.Grids[0]) is { } shape ? Apply("canvas", Number(c), shape) : null : rule.Grids[0];
            foreach (var (colour, sets) in rule.Fills)
            {
                var union = sets.Select(Set).Aggregate((x, y) => x is null || y is null ? null : Apply("combine", x, y));
                if (grid is null || union is null || Colour(colour) is not { } filled) return null;
                grid = Apply("fill", grid, filled, union);
            }
            return grid;
        }

        /// <summary>The integer constant of <paramref name="n"/> (ZERO...TEN) as a leaf; null where none is.</summary>
        private Term? Constant(int n) =>
            DslConstants.All.FirstOrDefault(c => c.Type == DslType.Integer && ((Int)c.Value).V == n) is { } constant ? Leaf(constant) : null;

        /// <summary>The constant of a colour or a number of parts, which always has one.</summary>
        private Term Number(int n) => Constant(n)!;

        /// <summary>The term of the outputs' shape (<see cref="PairOf"/>).</summary>
        private Term? OutputShape() => PairOf([.. _outputs.Select(o => o.Height)], [.. _outputs.Select(o => o.Width)]);

        private static bool Is(Term integer, int[] values)
        {
            for (var d = 0; d < values.Length; d++)
                if (values[d] >= 0 && ((Int)integer.Values[d]).V != values[d]) return false;
            return true;
        }

        /// <summary>The patches and objects built so far, the fewest calls first.</summary>
        private IEnumerable<Term> Patches() =>
            _byType.SelectMany(terms => new[] { DslType.Indices, DslType.Object }.SelectMany(t => terms.GetValueOrDefault(t) ?? []))
                .Where(t => t.Calls > 0);

        /// <summary>
        /// Crops each grid the outputs lie in at the outputs' shape and at a corner where each lies: the pair of
        /// fewest calls built so far that is such a corner on every demonstration (ulcorner(x), ORIGIN), or else
        /// a corner the same on every demonstration as a pair of integers (astuple(ZERO, SIX)).
        /// </summary>
        private void CropAtCorners()
        {
            if (_crops is null || owner._crop is null || _solved is not null) return;
            if (OutputShape() is not { } shape) return;
            var pairs = _byType.SelectMany(terms => terms.GetValueOrDefault(DslType.IntegerTuple) ?? []).ToList();
            foreach (var grid in _crops.Grids.ToList())
            {
                var corner = pairs.FirstOrDefault(p => _crops.Places(grid, p.Values)) ??
                    (_crops.Shared(grid) is var (i, j) ? PairOf([.. _outputs.Select(_ => i)], [.. _outputs.Select(_ => j)]) : null);
                if (corner is not null) Solve(owner._crop, [grid, corner, shape]);
                if (_solved is not null) return;
            }
        }

        /// <summary>
        /// Where every output is one colour, the canvas of that colour and the outputs' shape, each written by
        /// the term of fewest calls built so far that is it on every demonstration (canvas(leastcolor(I), UNITY)).
        /// </summary>
        private void Canvas()
        {
            if (owner._canvas is null || _solved is not null || _outputs.Any(o => o.Cells.ContainsAnyExcept(o.Cells[0]))) return;
            var colour = Integer([.. _outputs.Select(o => o.Cells[0])]);
            var shape = OutputShape();
            if (colour is not null && shape is not null) Solve(owner._canvas, [colour, shape]);
        }

        /// <summary>A term that is the pair (<paramref name="a"/>, <paramref name="b"/>) on each demonstration: one built so far, or else astuple of two integers; null where none is.</summary>
        private Term? PairOf(int[] a, int[] b)
        {
            foreach (var terms in _byType)
                if (terms.TryGetValue(DslType.IntegerTuple, out var pairs))
                    foreach (var t in pairs)
                        if (t.Values.Select((v, d) => v is Pair p && p.A == a[d] && p.B == b[d]).All(x => x)) return t;
            return owner._astuple is not null && Integer(a) is { } first && Integer(b) is { } second ? Apply(owner._astuple, [first, second]) : null;
        }

        private IReadOnlyList<FunctionDef> Programs()
        {
            var programs = Solutions();
            programs.AddRange(_based);
            foreach (var (_, grid) in _near.OrderBy(n => n.Distance).ThenBy(n => n.Grid.Calls).Take(NearPrograms)) programs.Add(Program(grid, []));
            return programs.Select((p, k) => p with { Name = $"enumerated{k + 1}_{task.Id}" }).ToList();
        }

        /// <summary>The program returning <paramref name="grid"/>, or else the input with each of <paramref name="pieces"/> filled or painted into it.</summary>
        private FunctionDef Program(Term? grid, Piece[] pieces)
        {
            var lines = new List<string>();
            var names = new Dictionary<Term, string>(ReferenceEqualityComparer.Instance);
            string Name(Term t)
            {
                if (t.Leaf is { } leaf) return leaf;
                if (names.TryGetValue(t, out var n)) return n;
                var call = $"{t.Callee!.Name}({string.Join(", ", t.Args.Select(Name))})";
                n = $"x{lines.Count + 1}";
                names[t] = n;
                lines.Add($"    {n} = {call}");
                return n;
            }
            // A grid program returns its last line by name (x3 = ...; O = x3): the search edits it better so
            // than with the call on O's line (on the held-out half, 194 solved at 4 seeds against 184).
            var result = grid is not null ? Name(grid) : Name(_root);
            // A lower layer first, for the rest go over it; then background-only pieces, while the background is the
            // input's where they set a cell (what they were checked against; the layer sets those it changes right).
            pieces = [.. pieces.OrderByDescending(p => p.Overwritten is not null).ThenByDescending(p => p.OnBackground)];
            for (var k = 0; k < pieces.Length; k++)
            {
                var (patch, into, colour) = (Name(pieces[k].Patch), pieces[k].Into.Name, pieces[k].Colour is { } c ? Name(c) + ", " : "");
                var call = $"{into}({result}, {colour}{patch})";
                if (k == pieces.Length - 1) result = call;
                else lines.Add($"    {result = $"x{lines.Count + 1}"} = {call}");
            }
            var text = new StringBuilder("def enumerated(I):\n");
            foreach (var l in lines) text.Append(l).Append('\n');
            text.Append($"    O = {result}\n    return O\n");
            return ProgramParser.ParseFunction(text.ToString());
        }
    }
}
