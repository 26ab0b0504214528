using System.Buffers;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    [Primitive("contained(value: Any, container: Container) -> Boolean", "element of", Unchecked = ["value"])]
    public static Value Contained(Value value, Value container) => Bool.Of(Py.Contains(container, value));

    [Primitive("combine(a: Container, b: Container) -> Container", "union")]
    public static Value Combine(Value a, Value b) => a is TupleValue x && b is TupleValue y
        ? PyOps.Concat(x, y)
        : Py.SameKind(a, Py.Iterate(a).Concat(Py.Iterate(b)).ToArray());

    [Primitive("intersection(a: FrozenSet, b: FrozenSet) -> FrozenSet", "returns the intersection of two containers")]
    public static Value Intersection(Value a, Value b) =>
        new FrozenSetValue(SetTable.Intersection(SetOperand(a, "&", b), SetOperand(b, "&", a), sameObject: ReferenceEquals(a, b)));

    [Primitive("difference(a: FrozenSet, b: FrozenSet) -> FrozenSet", "set difference", LooseResult = true)]
    public static Value Difference(Value a, Value b) => Py.MapFilter(a, null, e => !Py.Contains(b, e));

    [Primitive("dedupe(tup: Tuple) -> Tuple", "remove duplicates")]
    public static Value Dedupe(Value tup)
    {
        // Python calls tup.index per element: a container without it fails only when it has one.
        var t = tup as TupleValue ?? (Py.Iterate(tup).Any()
            ? throw DslError.Attribute($"'{tup.TypeName}' object has no attribute 'index'")
            : Py.TupleOf([]));
        var kept = new List<Value>();
        for (var i = 0; i < t.Count; i++)
        {
            var first = 0;
            while (!t[first].Equals(t[i])) first++;
            if (first == i) kept.Add(t[i]);
        }
        return Py.TupleOf(kept);
    }

    [Primitive("order(container: Container, compfunc: Callable) -> Tuple", "order container by custom key", Calls = ["compfunc:1"])]
    public static Value Order(Value container, Value compfunc)
    {
        var f = Py.Callable(compfunc);
        return Py.TupleOf(Py.Sorted(Py.Iterate(container), f.Unary));
    }

    [Primitive("repeat(item: Any, num: Integer) -> Tuple", "repetition of item within vector", Unchecked = ["item"])]
    public static Value Repeat(Value item, Value num)
    {
        var n = Py.AsInt(num, "num");
        if (n <= 0) return TupleValue.Empty;
        Limits.CheckSize(n);
        return Py.TupleOf(Enumerable.Repeat(item, n).ToArray());
    }

    [Primitive("size(container: Container) -> Integer", "cardinality")]
    public static Value Size(Value container) => Int.Of(Py.Len(container));

    [Primitive("merge(containers: ContainerContainer) -> Container", "merging")]
    public static Value Merge(Value containers)
    {
        if (containers is FrozenSetValue outer)
        {
            var t = new SetTable();
            foreach (var c in outer.Table)
            {
                if (c is FrozenSetValue inner)
                    foreach (var e in inner.Table) t.Add(e);
                else
                    foreach (var e in Py.Iterate(c)) t.Add(e);
            }
            return new FrozenSetValue(t);
        }
        var items = new List<Value>();
        foreach (var c in Py.Iterate(containers))
        {
            items.AddRange(Py.Iterate(c));
            Limits.CheckSize(items.Count);
        }
        return Py.TupleOf(items);
    }

    [Primitive("maximum(container: IntegerSet) -> Integer", "maximum", LooseResult = true)]
    public static Value Maximum(Value container) => Py.Max(Py.Iterate(container), null, Int.Of(0));

    [Primitive("minimum(container: IntegerSet) -> Integer", "minimum", LooseResult = true)]
    public static Value Minimum(Value container) => Py.Min(Py.Iterate(container), null, Int.Of(0));

    [Primitive("valmax(container: Container, compfunc: Callable) -> Integer", "maximum by custom function", LooseResult = true, Calls = ["compfunc:1"])]
    public static Value Valmax(Value container, Value compfunc)
    {
        var f = Py.Callable(compfunc);
        return f.Call1(Py.Max(Py.Iterate(container), f.Unary, Int.Of(0)));
    }

    [Primitive("valmin(container: Container, compfunc: Callable) -> Integer", "minimum by custom function", LooseResult = true, Calls = ["compfunc:1"])]
    public static Value Valmin(Value container, Value compfunc)
    {
        var f = Py.Callable(compfunc);
        return f.Call1(Py.Min(Py.Iterate(container), f.Unary, Int.Of(0)));
    }

    [Primitive("argmax(container: Container, compfunc: Callable) -> Any", "largest item by custom order", Calls = ["compfunc:1"])]
    public static Value Argmax(Value container, Value compfunc) => Py.Max(Py.Iterate(container), Py.Callable(compfunc).Unary);

    [Primitive("argmin(container: Container, compfunc: Callable) -> Any", "smallest item by custom order", Calls = ["compfunc:1"])]
    public static Value Argmin(Value container, Value compfunc) => Py.Min(Py.Iterate(container), Py.Callable(compfunc).Unary);

    [Primitive("mostcommon(container: Container) -> Any", "most common item")]
    public static Value Mostcommon(Value container) => Common(container, Py.Max);

    [Primitive("leastcommon(container: Container) -> Any", "least common item")]
    public static Value Leastcommon(Value container) => Common(container, Py.Min);

    [Primitive("initset(value: Any) -> FrozenSet", "initialize container", Unchecked = ["value"])]
    public static Value Initset(Value value) => SetDisplay(value);

    [Primitive("sfilter(container: Container, condition: Callable) -> Container", "keep elements in container that satisfy condition", Calls = ["condition:1"])]
    public static Value Sfilter(Value container, Value condition)
    {
        var f = Py.Callable(condition);
        return Py.MapFilter(container, null, e => Py.Truthy(f.Call1(e)));
    }

    [Primitive("mfilter(container: Container, function: Callable) -> FrozenSet", "filter and merge", LooseResult = true, Calls = ["function:1"])]
    public static Value Mfilter(Value container, Value function) => Merge(Sfilter(container, function));

    [Primitive("extract(container: Container, condition: Callable) -> Any", "first element of container that satisfies condition", Calls = ["condition:1"])]
    public static Value Extract(Value container, Value condition)
    {
        var f = Py.Callable(condition);
        var found = Py.InGenerator(() => Py.Iterate(container).FirstOrDefault(e => Py.Truthy(f.Call1(e))));
        return found ?? throw DslError.StopIteration("no element satisfies the condition");
    }

    [Primitive("totuple(container: FrozenSet) -> Tuple", "conversion to tuple")]
    public static Value Totuple(Value container) => container as TupleValue ?? Py.TupleOf(Py.Iterate(container).ToArray());

    [Primitive("first(container: Container) -> Any", "first item of container")]
    public static Value First(Value container) => container switch
    {
        FrozenSetValue s => s.Count > 0 ? s.Table.First() : throw DslError.StopIteration("first of an empty container"),
        TupleValue t => t.Count > 0 ? t[0] : throw DslError.StopIteration("first of an empty container"),
        _ => throw DslError.Type($"'{container.TypeName}' object is not iterable"),
    };

    [Primitive("last(container: Container) -> Any", "last item of container")]
    public static Value Last(Value container) => container switch
    {
        TupleValue t => t.Count > 0 ? t[t.Count - 1] : throw DslError.ValueErr("max() arg is an empty sequence"),
        FrozenSetValue s => s.Count > 0 ? s.Table.Last() : throw DslError.ValueErr("max() arg is an empty sequence"),
        _ => throw DslError.Type($"'{container.TypeName}' object is not iterable"),
    };

    [Primitive("insert(value: Any, container: FrozenSet) -> FrozenSet", "insert item into container", Unchecked = ["value"])]
    public static Value Insert(Value value, Value container)
    {
        var s = container as FrozenSetValue ?? throw DslError.Attribute($"'{container.TypeName}' object has no attribute 'union'");
        return new FrozenSetValue(SetTable.Union(s.Table, ((FrozenSetValue)SetDisplay(value)).Table));
    }

    [Primitive("remove(value: Any, container: Container) -> Container", "remove item from container", Unchecked = ["value"])]
    public static Value Remove(Value value, Value container) => Py.MapFilter(container, null, e => !e.Equals(value));

    [Primitive("other(container: Container, value: Any) -> Any", "other value in the container", Unchecked = ["value"])]
    public static Value Other(Value container, Value value) => First(Remove(value, container));

    [Primitive("interval(start: Integer, stop: Integer, step: Integer) -> Tuple", "range")]
    public static Value Interval(Value start, Value stop, Value step)
    {
        long a = Py.AsInt(start, "start"), b = Py.AsInt(stop, "stop"), s = Py.AsInt(step, "step");
        if (s == 0) throw DslError.ValueErr("range() arg 3 must not be zero");
        var n = s > 0 ? (b > a ? (b - a + s - 1) / s : 0) : (a > b ? (a - b - s - 1) / -s : 0);
        Limits.CheckSize(n);
        var items = new int[n];
        for (var k = 0; k < n; k++) items[k] = (int)(a + k * s);
        return items.Length == 2 ? Pair.Of(items[0], items[1]) : new IntTuple(items);
    }

    [Primitive("product(a: Container, b: Container) -> FrozenSet", "cartesian product")]
    public static Value Product(Value a, Value b)
    {
        // Python's comprehension iterates b outermost, and a only once b yields an element.
        var ys = Py.Iterate(b).ToArray();
        var xs = ys.Length == 0 ? [] : Py.Iterate(a).ToArray();
        Limits.CheckSize((long)xs.Length * ys.Length);
        if (a is FrozenSetValue && b is FrozenSetValue) return new FrozenSetValue(DistinctProduct(xs, ys));
        var t = new SetTable();
        foreach (var j in ys)
        {
            Limits.Step();
            foreach (var i in xs) t.Add(Py.TupleOf(i, j));
        }
        return new FrozenSetValue(t);
    }

    /// <summary>The product's table when no two of its pairs can be equal (both sides are sets): laid out from the pairs' hashes first.</summary>
    private static SetTable DistinctProduct(Value[] xs, Value[] ys)
    {
        var n = xs.Length * ys.Length;
        var hashes = ArrayPool<long>.Shared.Rent(n);
        for (var j = 0; j < ys.Length; j++)
        {
            Limits.Step();
            var hj = ys[j].Hash;
            for (var i = 0; i < xs.Length; i++) hashes[j * xs.Length + i] = TupleHash.OfTwo(xs[i].Hash, hj);
        }
        var table = SetTable.OfDistinct(hashes.AsSpan(0, n), k => Py.TupleOf(xs[k % xs.Length], ys[k / xs.Length], hashes[k]));
        ArrayPool<long>.Shared.Return(hashes);
        return table;
    }

    [Primitive("pair(a: Tuple, b: Tuple) -> TupleTuple", "zipping of two tuples")]
    public static Value PairUp(Value a, Value b) =>
        Py.TupleOf(Py.Iterate(a).Zip(Py.Iterate(b), (x, y) => (Value)Py.TupleOf(x, y)).ToArray());

    [Primitive("branch(condition: Boolean, a: Any, b: Any) -> Any", "if else branching", Unchecked = ["a", "b"])]
    public static Value Branch(Value condition, Value a, Value b) => Py.Truthy(condition) ? a : b;

    /// <summary><c>frozenset({value})</c>: a set display made frozen.</summary>
    private static Value SetDisplay(Value value)
    {
        var t = new SetTable();
        t.Add(value);
        return Py.Freeze(t);
    }

    /// <summary><c>max(set(container), key=container.count)</c> and its min twin.</summary>
    private static Value Common(Value container, Func<IEnumerable<Value>, Func<Value, Value>?, Value?, Value> pick)
    {
        var t = container as TupleValue ?? throw DslError.Attribute($"'{container.TypeName}' object has no attribute 'count'");
        var distinct = new SetTable();
        for (var i = 0; i < t.Count; i++) distinct.Add(t[i]);
        var counts = new Dictionary<Value, int>();
        for (var i = 0; i < t.Count; i++) counts[t[i]] = counts.GetValueOrDefault(t[i]) + 1;
        return pick(distinct.Keys(), v => Int.Of(counts[v]), null);
    }

    /// <summary>An operand of a set operator: a frozenset, or TypeError naming the operator.</summary>
    private static SetTable SetOperand(Value v, string op, Value other) => v is FrozenSetValue s
        ? s.Table
        : throw DslError.Type($"unsupported operand type(s) for {op}: '{v.TypeName}' and '{other.TypeName}'");
}
