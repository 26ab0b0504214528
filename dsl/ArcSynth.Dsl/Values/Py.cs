using ArcSynth.Dsl.Sets;

namespace ArcSynth.Dsl.Values;

/// <summary>Python's built-in operations over DSL values: truth, len, iteration, ordering, max/min, sorted.</summary>
public static class Py
{
    public static bool Truthy(Value v) => v switch
    {
        Bool b => b.V,
        Int i => i.V != 0,
        TupleValue t => t.Count > 0,
        FrozenSetValue s => s.Count > 0,
        NoneValue => false,
        _ => true,
    };

    /// <summary>The int value of an int or bool; anything else raises TypeError.</summary>
    public static int AsInt(Value v, string what = "value") => v switch
    {
        Int i => i.V,
        Bool b => b.AsInt,
        _ => throw DslError.Type($"{what} must be an int, not {v.TypeName}"),
    };

    public static bool IsInt(Value v) => v is Int or Bool;

    public static int Len(Value v) => v switch
    {
        TupleValue t => t.Count,
        FrozenSetValue s => s.Count,
        _ => throw DslError.Type($"object of type '{v.TypeName}' has no len()"),
    };

    /// <summary>Python's iteration: a tuple's items in order, a frozenset's in CPython's order.</summary>
    public static Items Iterate(Value v) => v switch
    {
        TupleValue t => new Items(t),
        FrozenSetValue s => new Items(s.Table),
        _ => throw DslError.Type($"'{v.TypeName}' object is not iterable"),
    };

    /// <summary>Python's <c>a, b = v</c>: the items of a tuple or frozenset of exactly two (a frozenset's in its order).</summary>
    public static (Value A, Value B) Unpack2(Value v)
    {
        var n = v switch
        {
            TupleValue t => t.Count,
            FrozenSetValue s => s.Count,
            _ => throw DslError.Type($"cannot unpack non-iterable {v.TypeName} object"),
        };
        if (n < 2) throw DslError.ValueErr($"not enough values to unpack (expected 2, got {n})");
        if (n > 2) throw DslError.ValueErr("too many values to unpack (expected 2)");
        if (v is TupleValue pair) return (pair[0], pair[1]);
        var items = Iterate(v).ToArray();
        return (items[0], items[1]);
    }

    public static TupleValue AsTuple(Value v, string what = "value") =>
        v as TupleValue ?? throw DslError.Type($"{what} must be a tuple, not {v.TypeName}");

    public static FrozenSetValue AsSet(Value v, string what = "value") =>
        v as FrozenSetValue ?? throw DslError.Type($"{what} must be a frozenset, not {v.TypeName}");

    public static FunctionValue AsFunction(Value v) =>
        v as FunctionValue ?? throw DslError.Type($"'{v.TypeName}' object is not callable");

    /// <summary>
    /// A function to call later: the value itself, or one whose every call raises Python's
    /// TypeError. For primitives that, like their Python originals, call the function only per
    /// element, so that over an empty container a non-function is never noticed.
    /// </summary>
    public static FunctionValue Callable(Value v) => v as FunctionValue ?? new NotCallable(v);

    private sealed class NotCallable(Value value) : FunctionValue
    {
        public override int Arity => throw Error();

        public override string Name => value.TypeName;

        public override Value Call(ReadOnlySpan<Value> args) => throw Error();

        private DslError Error() => DslError.Type($"'{value.TypeName}' object is not callable");
    }

    /// <summary><c>x in container</c>.</summary>
    public static bool Contains(Value container, Value x)
    {
        switch (container)
        {
            case FrozenSetValue s: return s.Contains(x);
            case TupleValue t:
                for (var i = 0; i < t.Count; i++)
                    if (t[i].Equals(x)) return true;
                return false;
            default: throw DslError.Type($"argument of type '{container.TypeName}' is not iterable");
        }
    }

    /// <summary>Python's <c>a &lt; b</c>: numbers, tuples lexicographically, frozensets as proper subsets.</summary>
    public static bool Lt(Value a, Value b)
    {
        if (IsInt(a) && IsInt(b)) return AsInt(a) < AsInt(b);
        if (a is TupleValue ta && b is TupleValue tb)
        {
            var n = Math.Min(ta.Count, tb.Count);
            for (var i = 0; i < n; i++)
            {
                var x = ta[i];
                var y = tb[i];
                if (!x.Equals(y)) return Lt(x, y);
            }
            return ta.Count < tb.Count;
        }
        if (a is FrozenSetValue sa && b is FrozenSetValue sb) return sa.Count < sb.Count && sa.Table.IsSubsetOf(sb.Table);
        throw DslError.Type($"'<' not supported between instances of '{a.TypeName}' and '{b.TypeName}'");
    }

    /// <summary>Python's <c>a &gt; b</c> (for frozensets, a proper superset).</summary>
    public static bool Gt(Value a, Value b) => Lt(b, a);

    /// <summary>
    /// Python's <c>max(items, key=key)</c>: the first item whose key is not exceeded by a later one;
    /// <paramref name="fallback"/> when empty, or ValueError when there is none.
    /// </summary>
    public static Value Max(IEnumerable<Value> items, Func<Value, Value>? key, Value? fallback = null) =>
        Extreme(items, key, fallback, "max", Gt);

    /// <summary>Python's <c>min(items, key=key)</c>.</summary>
    public static Value Min(IEnumerable<Value> items, Func<Value, Value>? key, Value? fallback = null) =>
        Extreme(items, key, fallback, "min", Lt);

    private static Value Extreme(IEnumerable<Value> items, Func<Value, Value>? key, Value? fallback, string name, Func<Value, Value, bool> better)
    {
        Value? best = null, bestKey = null;
        foreach (var item in items)
        {
            var k = key is null ? item : key(item);
            if (best is null || better(k, bestKey!))
            {
                best = item;
                bestKey = k;
            }
        }
        return best ?? fallback ?? throw DslError.ValueErr($"{name}() arg is an empty sequence");
    }

    /// <summary>
    /// Python's <c>sorted(items, key=key)</c>: CPython's list sort compares with <c>&lt;</c> only; below
    /// 64 items it is a binary insertion sort after the first run, which this follows step by step so
    /// that partial orders (frozensets) come out as in CPython. Longer lists use a stable merge sort,
    /// which agrees with CPython for every total order.
    /// </summary>
    public static Value[] Sorted(IEnumerable<Value> items, Func<Value, Value>? key)
    {
        var values = items.ToArray();
        var keys = key is null ? (Value[])values.Clone() : values.Select(key).ToArray();
        var n = values.Length;
        if (n < 2) return values;
        if (n < 64)
        {
            var run = CountRun(keys, values);
            BinaryInsertionSort(keys, values, run);
            return values;
        }
        var order = Enumerable.Range(0, n).ToArray();
        var sortedOrder = MergeSort(order, keys);
        return sortedOrder.Select(i => values[i]).ToArray();
    }

    /// <summary>CPython's <c>count_run</c>: the length of the leading run, reversing a strictly descending one.</summary>
    private static int CountRun(Value[] keys, Value[] values)
    {
        var n = 1;
        if (Lt(keys[1], keys[0]))
        {
            for (n = 2; n < keys.Length && Lt(keys[n], keys[n - 1]); n++) { }
            Array.Reverse(keys, 0, n);
            Array.Reverse(values, 0, n);
        }
        else
        {
            for (n = 2; n < keys.Length && !Lt(keys[n], keys[n - 1]); n++) { }
        }
        return n;
    }

    /// <summary>CPython's <c>binarysort</c>: inserts each item after the last equal one.</summary>
    private static void BinaryInsertionSort(Value[] keys, Value[] values, int start)
    {
        for (var s = start; s < keys.Length; s++)
        {
            var pivot = keys[s];
            var pv = values[s];
            int l = 0, r = s;
            while (l < r)
            {
                var p = l + ((r - l) >> 1);
                if (Lt(pivot, keys[p])) r = p;
                else l = p + 1;
            }
            Array.Copy(keys, l, keys, l + 1, s - l);
            Array.Copy(values, l, values, l + 1, s - l);
            keys[l] = pivot;
            values[l] = pv;
        }
    }

    private static int[] MergeSort(int[] order, Value[] keys)
    {
        if (order.Length < 2) return order;
        var mid = order.Length / 2;
        var left = MergeSort(order[..mid], keys);
        var right = MergeSort(order[mid..], keys);
        var result = new int[order.Length];
        int i = 0, j = 0, k = 0;
        while (i < left.Length && j < right.Length)
            result[k++] = Lt(keys[right[j]], keys[left[i]]) ? right[j++] : left[i++];
        while (i < left.Length) result[k++] = left[i++];
        while (j < right.Length) result[k++] = right[j++];
        return result;
    }

    /// <summary><c>tuple(items)</c>, as the most compact representation that fits.</summary>
    public static TupleValue TupleOf(IReadOnlyList<Value> items) =>
        items.Count == 2 ? TupleOf(items[0], items[1]) : new GeneralTuple(items as Value[] ?? [.. items]);

    /// <summary>The tuple <c>(a, b)</c>.</summary>
    public static TupleValue TupleOf(Value a, Value b) =>
        a is Int x && b is Int y ? Pair.Of(x.V, y.V) : new TwoTuple(a, b);

    /// <summary>The tuple <c>(a, b)</c> whose hash the caller has computed already.</summary>
    internal static TupleValue TupleOf(Value a, Value b, long hash) =>
        a is Int x && b is Int y ? Pair.Of(x.V, y.V) : new TwoTuple(a, b, hash);

    /// <summary><c>type(template)(items)</c>: a tuple or a frozenset like the template.</summary>
    public static Value SameKind(Value template, IEnumerable<Value> items) => template switch
    {
        TupleValue => TupleOf(items.ToArray()),
        FrozenSetValue => FrozenSetValue.Of(items),
        _ => throw DslError.Type($"'{template.TypeName}' object is not iterable"),
    };

    /// <summary>
    /// Runs the body of a generator expression: as CPython does since PEP 479, a StopIteration
    /// raised inside one (say, by <c>first</c> of an empty set called by <c>apply</c>) comes out as
    /// RuntimeError.
    /// </summary>
    public static T InGenerator<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (DslError e) when (e.PythonType == "StopIteration")
        {
            throw new DslError("RuntimeError", "generator raised StopIteration");
        }
    }

    /// <summary><c>type(container)(map(e) for e in container if keep(e))</c> without an iterator chain (apply, sfilter).</summary>
    public static Value MapFilter(Value container, Func<Value, Value>? map, Func<Value, bool>? keep) =>
        InGenerator(() => MapFilterBody(container, map, keep));

    private static Value MapFilterBody(Value container, Func<Value, Value>? map, Func<Value, bool>? keep)
    {
        var state = Limits.State;
        switch (container)
        {
            case FrozenSetValue s:
            {
                var t = new SetTable();
                foreach (var e in s.Table)
                {
                    state.Step();
                    if (keep is null || keep(e)) t.Add(map is null ? e : map(e));
                }
                return new FrozenSetValue(t);
            }
            case TupleValue tuple:
            {
                var items = new List<Value>(tuple.Count);
                for (var i = 0; i < tuple.Count; i++)
                {
                    state.Step();
                    var e = tuple[i];
                    if (keep is null || keep(e)) items.Add(map is null ? e : map(e));
                }
                return TupleOf(items);
            }
            default:
                throw DslError.Type($"'{container.TypeName}' object is not iterable");
        }
    }

    /// <summary><c>frozenset(set)</c> of a mutable set: CPython merges its table into a fresh one.</summary>
    internal static FrozenSetValue Freeze(SetTable set) => new(SetTable.CopyOf(set));
}
