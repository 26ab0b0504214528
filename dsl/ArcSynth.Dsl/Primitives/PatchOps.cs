using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

/// <summary>How arc-dsl looks inside patches (objects and indices) and grids, with Python's errors.</summary>
internal static class PatchOps
{
    /// <summary>arc-dsl's <c>isinstance(next(iter(patch))[1], tuple)</c> for a non-empty patch: cells rather than indices.</summary>
    public static bool HoldsCells(Value patch) => FirstOf(patch) switch
    {
        Cell => true,
        Pair => false,
        TupleValue t => t.GetItem(1) is TupleValue,
        var v => throw DslError.Type($"'{v.TypeName}' object is not subscriptable"),
    };

    /// <summary>Unpacks <c>i, j</c>.</summary>
    public static (int I, int J) Loc(Value v) => v switch
    {
        Pair p => (p.A, p.B),
        TupleValue { Count: 2 } t => (Py.AsInt(t[0]), Py.AsInt(t[1])),
        TupleValue t => throw DslError.ValueErr($"expected 2 values to unpack, got {t.Count}"),
        _ => throw DslError.Type($"cannot unpack non-iterable {v.TypeName} object"),
    };

    /// <summary><c>(v[0], v[1])</c>: Python's indexing, which takes any tuple of two or more (crop's start, canvas's dimensions).</summary>
    public static (int I, int J) FirstTwo(Value v) => v switch
    {
        Pair p => (p.A, p.B),
        TupleValue { Count: >= 2 } t => (Py.AsInt(t[0]), Py.AsInt(t[1])),
        TupleValue => throw DslError.Index("tuple index out of range"),
        _ => throw DslError.Type($"'{v.TypeName}' object is not subscriptable"),
    };

    /// <summary>Unpacks <c>value, (i, j)</c>.</summary>
    public static (int C, int I, int J) CellParts(Value v)
    {
        if (v is Cell c) return (c.Color, c.I, c.J);
        if (v is TupleValue { Count: 2 } t)
        {
            var (i, j) = Loc(t[1]);
            return (Py.AsInt(t[0], "cell value"), i, j);
        }
        throw DslError.Type($"cannot unpack {v.TypeName} as (value, (i, j))");
    }

    /// <summary>
    /// A patch argument. arc-dsl only iterates patches, so a tuple of cells or locations (what merge
    /// makes of a tuple of objects) serves as well as a frozenset.
    /// </summary>
    public static Value AsPatch(Value v) => v is FrozenSetValue or TupleValue ? v : throw DslError.Type($"'{v.TypeName}' object is not iterable");

    /// <summary><c>next(iter(patch))</c> of a non-empty patch.</summary>
    public static Value FirstOf(Value patch) => patch switch
    {
        FrozenSetValue s => s.Table.First(),
        TupleValue t => t[0],
        _ => throw DslError.Type($"'{patch.TypeName}' object is not iterable"),
    };

    /// <summary>
    /// The locations of a patch's elements in iteration order (with repeats, for objects with two
    /// cells at one place), for the order-free folds arc-dsl does over <c>toindices</c>.
    /// </summary>
    public static IEnumerable<(int I, int J)> Locations(Value patch)
    {
        var s = AsPatch(patch);
        if (Py.Len(s) == 0) yield break;
        var cells = HoldsCells(s);
        foreach (var e in Py.Iterate(s))
        {
            if (cells)
            {
                var (_, i, j) = CellParts(e);
                yield return (i, j);
            }
            else yield return Loc(e);
        }
    }

    /// <summary>arc-dsl's <c>toindices</c>: the patch itself for indices, a new set of the cells' locations for an object.</summary>
    public static Value ToIndices(Value patch)
    {
        var s = AsPatch(patch);
        if (Py.Len(s) == 0) return FrozenSetValue.Empty;
        if (!HoldsCells(s)) return s;
        var t = new SetTable();
        foreach (var e in Py.Iterate(s))
        {
            var (_, i, j) = CellParts(e);
            t.Add(Pair.Of(i, j));
        }
        return new FrozenSetValue(t);
    }

    /// <summary>Whether every element is a location of two ints, for which the columns of <c>zip(*indices)</c> are its rows and columns.</summary>
    public static bool AllPairs(Value indices)
    {
        if (indices is not FrozenSetValue s) return Py.Iterate(indices).All(e => e is Pair);
        foreach (var e in s.Table)
            if (e is not Pair) return false;
        return true;
    }

    /// <summary>(min i, min j, max i, max j) over the locations; ValueError when empty, as min() raises.</summary>
    public static (int Top, int Left, int Bottom, int Right) Bounds(Value patch)
    {
        int top = int.MaxValue, left = int.MaxValue, bottom = int.MinValue, right = int.MinValue;
        if (patch is FrozenSetValue { Count: > 0 } s)
        {
            if (s.PackedBounds != 0) return Unpack(s.PackedBounds);
            // Without the generic iterator: this runs for every uppermost, shape, ulcorner...
            var cells = HoldsCells(s);
            foreach (var e in s.Table)
            {
                var (i, j) = cells ? (e is Cell c ? (c.I, c.J) : Drop(CellParts(e))) : (e is Pair p ? (p.A, p.B) : Loc(e));
                if (i < top) top = i;
                if (i > bottom) bottom = i;
                if (j < left) left = j;
                if (j > right) right = j;
            }
            s.PackedBounds = Pack(top, left, bottom, right);
            return (top, left, bottom, right);
        }
        else
        {
            foreach (var (i, j) in Locations(patch))
            {
                if (i < top) top = i;
                if (i > bottom) bottom = i;
                if (j < left) left = j;
                if (j > right) right = j;
            }
        }
        return top <= bottom ? (top, left, bottom, right) : throw DslError.ValueErr("min() arg is an empty sequence");
    }

    private static (int I, int J) Drop((int C, int I, int J) cell) => (cell.I, cell.J);

    // Bounds packed into one long: four 15-bit fields biased by 2^14, and a flag bit so that a
    // packed value is never 0. Coordinates outside [-2^14, 2^14) are not cached.
    private const int BoundsBias = 1 << 14;

    private static long Pack(int top, int left, int bottom, int right)
    {
        const uint limit = 1u << 15;
        if ((uint)(top + BoundsBias) >= limit || (uint)(left + BoundsBias) >= limit ||
            (uint)(bottom + BoundsBias) >= limit || (uint)(right + BoundsBias) >= limit) return 0;
        return 1L << 60 | (long)(top + BoundsBias) | (long)(left + BoundsBias) << 15 |
               (long)(bottom + BoundsBias) << 30 | (long)(right + BoundsBias) << 45;
    }

    private static (int Top, int Left, int Bottom, int Right) Unpack(long packed) =>
        ((int)(packed & 0x7FFF) - BoundsBias, (int)(packed >> 15 & 0x7FFF) - BoundsBias,
         (int)(packed >> 30 & 0x7FFF) - BoundsBias, (int)(packed >> 45 & 0x7FFF) - BoundsBias);

    /// <summary>A grid argument: a <see cref="Grid"/>, or a rectangular tuple of tuples of ints made elsewhere.</summary>
    public static Grid AsGrid(Value v)
    {
        if (v is Grid g) return g;
        if (v is not TupleValue t) throw DslError.Type($"a grid must be a tuple, not {v.TypeName}");
        if (t.Count == 0) return new Grid(0, 0, []);
        var w = t[0] is TupleValue r0 ? r0.Count : throw DslError.Type("a grid's rows must be tuples");
        var cells = new int[t.Count * w];
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i] is not TupleValue row || row.Count != w)
                throw DslError.Type($"row {i} of the grid is not a tuple of {w} ints");
            for (var j = 0; j < w; j++) cells[i * w + j] = row[j] is Int x ? x.V : throw DslError.Type($"grid cell ({i}, {j}) is {row[j].TypeName}, not int");
        }
        return new Grid(t.Count, w, cells);
    }

    /// <summary>The value to put in a grid cell: an int (bools count as 0 and 1; see dsl/README.md).</summary>
    public static int CellValue(Value v) => v switch
    {
        Int i => i.V,
        Bool b => b.AsInt,
        _ => throw DslError.Type($"the port keeps ints in grid cells, not {v.TypeName}"),
    };

    /// <summary><c>len(grid[0])</c>: IndexError on an empty grid.</summary>
    public static int WidthOf(Grid g) => g.Height > 0 ? g.Width : throw DslError.Index("tuple index out of range");

    /// <summary>Python's slice bounds <c>[start:stop]</c> over a sequence of length n.</summary>
    public static (int Start, int Stop) Slice(int n, long start, long stop)
    {
        static int Clamp(long x, int n) => (int)(x < 0 ? Math.Max(0, x + n) : Math.Min(x, n));
        var a = Clamp(start, n);
        var b = Clamp(stop, n);
        return (a, Math.Max(a, b));
    }

    /// <summary>A grid of h rows and w columns whose cell (i, j) is <paramref name="cell"/>(i, j).</summary>
    public static Grid Build(int h, int w, Func<int, int, int> cell)
    {
        if (h <= 0) return new Grid(0, 0, []);
        w = Math.Max(w, 0);
        Limits.CheckGrid(h, w);
        var cells = new int[h * w];
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++) cells[i * w + j] = cell(i, j);
        return new Grid(h, w, cells);
    }

    /// <summary><c>frozenset({...})</c> of a set comprehension: built by adding, then frozen (a table merge).</summary>
    public static FrozenSetValue FrozenOfSet(IEnumerable<Value> items)
    {
        var t = new SetTable();
        foreach (var v in items) t.Add(v);
        return Py.Freeze(t);
    }
}
