using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.PatchOps;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    [Primitive("height(piece: Piece) -> Integer", "height of grid or patch")]
    public static Value Height(Value piece) => Int.Of(HeightOf(piece));

    [Primitive("width(piece: Piece) -> Integer", "width of grid or patch")]
    public static Value Width(Value piece) => Int.Of(WidthOf(piece));

    [Primitive("shape(piece: Piece) -> IntegerTuple", "height and width of grid or patch")]
    public static Value Shape(Value piece) => Pair.Of(HeightOf(piece), WidthOf(piece));

    [Primitive("portrait(piece: Piece) -> Boolean", "whether height is greater than width")]
    public static Value Portrait(Value piece) => Bool.Of(HeightOf(piece) > WidthOf(piece));

    [Primitive("asindices(grid: Grid) -> Indices", "indices of all grid cells")]
    public static Value Asindices(Value grid)
    {
        var g = AsGrid(grid);
        return new FrozenSetValue(IndexTables.Of(g.Height, g.Width));
    }

    [Primitive("ofcolor(grid: Grid, value: Integer) -> Indices", "indices of all grid cells with value", Unchecked = ["value"])]
    public static Value Ofcolor(Value grid, Value value)
    {
        var g = AsGrid(grid);
        var t = new SetTable();
        if (value is Int or Bool)
        {
            var v = Py.AsInt(value);
            for (var i = 0; i < g.Height; i++)
                for (var j = 0; j < g.Width; j++)
                    if (g[i, j] == v) t.Add(Pair.Of(i, j));
        }
        return new FrozenSetValue(t);
    }

    [Primitive("ulcorner(patch: Patch) -> IntegerTuple", "index of upper left corner")]
    public static Value Ulcorner(Value patch) => Corner(patch, lowRow: true, lowColumn: true, anyWidth: true);

    [Primitive("urcorner(patch: Patch) -> IntegerTuple", "index of upper right corner")]
    public static Value Urcorner(Value patch) => Corner(patch, lowRow: true, lowColumn: false, anyWidth: false);

    [Primitive("llcorner(patch: Patch) -> IntegerTuple", "index of lower left corner")]
    public static Value Llcorner(Value patch) => Corner(patch, lowRow: false, lowColumn: true, anyWidth: false);

    [Primitive("lrcorner(patch: Patch) -> IntegerTuple", "index of lower right corner")]
    public static Value Lrcorner(Value patch) => Corner(patch, lowRow: false, lowColumn: false, anyWidth: true);

    [Primitive("toindices(patch: Patch) -> Indices", "indices of object cells", LooseResult = true)]
    public static Value Toindices(Value patch) => ToIndices(patch);

    [Primitive("recolor(value: Integer, patch: Patch) -> Object", "recolor patch", Unchecked = ["value"])]
    public static Value Recolor(Value value, Value patch)
    {
        // (value, index) with each index as it is: arc-dsl never unpacks it.
        var indices = ToIndices(patch);
        if (Py.Len(indices) == 0) return FrozenSetValue.Empty;
        var t = new SetTable();
        foreach (var e in Py.Iterate(indices))
            t.Add(value is Int c && e is Pair p ? Cell.Of(c.V, p.A, p.B) : Py.TupleOf(value, e));
        return new FrozenSetValue(t);
    }

    [Primitive("shift(patch: Patch, directions: IntegerTuple) -> Patch", "shift patch")]
    public static Value Shift(Value patch, Value directions)
    {
        var s = AsPatch(patch);
        if (Py.Len(s) == 0) return s;
        var (di, dj) = Loc(directions);
        return ShiftBy(s, di, dj);
    }

    [Primitive("normalize(patch: Patch) -> Patch", "moves upper left corner to origin")]
    public static Value Normalize(Value patch)
    {
        var s = AsPatch(patch);
        if (Py.Len(s) == 0) return s;
        var b = Bounds(s);
        return ShiftBy(s, -b.Top, -b.Left);
    }

    [Primitive("dneighbors(loc: IntegerTuple) -> Indices", "directly adjacent indices")]
    public static Value Dneighbors(Value loc) => Py.Freeze(DirectNeighbors(FirstTwo(loc)));

    [Primitive("ineighbors(loc: IntegerTuple) -> Indices", "diagonally adjacent indices")]
    public static Value Ineighbors(Value loc) => Py.Freeze(DiagonalNeighbors(FirstTwo(loc)));

    [Primitive("neighbors(loc: IntegerTuple) -> Indices", "adjacent indices")]
    public static Value Neighbors(Value loc) => new FrozenSetValue(AllNeighbors(FirstTwo(loc)));

    [Primitive("uppermost(patch: Patch) -> Integer", "row index of uppermost occupied cell")]
    public static Value Uppermost(Value patch) => Int.Of(Bounds(patch).Top);

    [Primitive("lowermost(patch: Patch) -> Integer", "row index of lowermost occupied cell")]
    public static Value Lowermost(Value patch) => Int.Of(Bounds(patch).Bottom);

    [Primitive("leftmost(patch: Patch) -> Integer", "column index of leftmost occupied cell")]
    public static Value Leftmost(Value patch) => Int.Of(Bounds(patch).Left);

    [Primitive("rightmost(patch: Patch) -> Integer", "column index of rightmost occupied cell")]
    public static Value Rightmost(Value patch) => Int.Of(Bounds(patch).Right);

    [Primitive("square(piece: Piece) -> Boolean", "whether the piece forms a square")]
    public static Value Square(Value piece) => piece is TupleValue t
        ? Bool.Of(t.Count == Py.Len(t.GetItem(0)))
        : Bool.Of((long)HeightOf(piece) * WidthOf(piece) == Py.Len(piece) && HeightOf(piece) == WidthOf(piece));

    [Primitive("vline(patch: Patch) -> Boolean", "whether the piece forms a vertical line")]
    public static Value Vline(Value patch) => Bool.Of(HeightOf(patch) == Py.Len(patch) && WidthOf(patch) == 1);

    [Primitive("hline(patch: Patch) -> Boolean", "whether the piece forms a horizontal line")]
    public static Value Hline(Value patch) => Bool.Of(WidthOf(patch) == Py.Len(patch) && HeightOf(patch) == 1);

    [Primitive("hmatching(a: Patch, b: Patch) -> Boolean", "whether there exists a row for which both patches have cells")]
    public static Value Hmatching(Value a, Value b) =>
        Bool.Of(Locations(a).Select(l => l.I).ToHashSet().Overlaps(Locations(b).Select(l => l.I)));

    [Primitive("vmatching(a: Patch, b: Patch) -> Boolean", "whether there exists a column for which both patches have cells")]
    public static Value Vmatching(Value a, Value b) =>
        Bool.Of(Locations(a).Select(l => l.J).ToHashSet().Overlaps(Locations(b).Select(l => l.J)));

    [Primitive("manhattan(a: Patch, b: Patch) -> Integer", "closest manhattan distance between two patches")]
    public static Value Manhattan(Value a, Value b) => Int.Of(ManhattanOf(a, b));

    [Primitive("adjacent(a: Patch, b: Patch) -> Boolean", "whether two patches are adjacent")]
    public static Value Adjacent(Value a, Value b) => Bool.Of(ManhattanOf(a, b) == 1);

    [Primitive("bordering(patch: Patch, grid: Grid) -> Boolean", "whether a patch is adjacent to a grid border")]
    public static Value Bordering(Value patch, Value grid)
    {
        var b = Bounds(patch);
        if (b.Top == 0 || b.Left == 0) return Bool.True;
        var g = AsGrid(grid);
        return Bool.Of(b.Bottom == g.Height - 1 || b.Right == PatchOps.WidthOf(g) - 1);
    }

    [Primitive("centerofmass(patch: Patch) -> IntegerTuple", "center of mass")]
    public static Value Centerofmass(Value patch)
    {
        // sum(column) // len(patch) for each column of zip(*toindices(patch)).
        var n = Py.Len(patch);
        return Py.TupleOf(Columns(ToIndices(patch)).Select(column => (Value)Int.Of(PyOps.FloorDiv(column.Sum(v => (long)Py.AsInt(v)), n))).ToArray());
    }

    [Primitive("toobject(patch: Patch, grid: Grid) -> Object", "object from patch and grid")]
    public static Value Toobject(Value patch, Value grid)
    {
        var g = AsGrid(grid);
        var h = g.Height;
        var w = PatchOps.WidthOf(g);
        var t = new SetTable();
        foreach (var e in Py.Iterate(ToIndices(patch)))
        {
            var (i, j) = Loc(e);
            if (i >= 0 && i < h && j >= 0 && j < w) t.Add(Cell.Of(g[i, j], i, j));
        }
        return new FrozenSetValue(t);
    }

    [Primitive("asobject(grid: Grid) -> Object", "conversion of grid to object")]
    public static Value Asobject(Value grid)
    {
        var g = AsGrid(grid);
        var t = new SetTable();
        for (var i = 0; i < g.Height; i++)
            for (var j = 0; j < g.Width; j++) t.Add(Cell.Of(g[i, j], i, j));
        return new FrozenSetValue(t);
    }

    [Primitive("center(patch: Patch) -> IntegerTuple", "center of the patch")]
    public static Value Center(Value patch) => CenterOf(patch) is var (i, j) ? Pair.Of(i, j) : throw new InvalidOperationException();

    [Primitive("position(a: Patch, b: Patch) -> IntegerTuple", "relative position between two patches")]
    public static Value Position(Value a, Value b)
    {
        var (ia, ja) = CenterOf(ToIndices(a));
        var (ib, jb) = CenterOf(ToIndices(b));
        if (ia == ib) return Pair.Of(0, ja < jb ? 1 : -1);
        if (ja == jb) return Pair.Of(ia < ib ? 1 : -1, 0);
        return Pair.Of(ia < ib ? 1 : -1, ja < jb ? 1 : -1);
    }

    [Primitive("corners(patch: Patch) -> Indices", "indices of corners")]
    public static Value Corners(Value patch)
    {
        Value ul = Ulcorner(patch), ur = Urcorner(patch), ll = Llcorner(patch), lr = Lrcorner(patch);
        return FrozenOfSet([ul, ur, ll, lr]);
    }

    [Primitive("connect(a: IntegerTuple, b: IntegerTuple) -> Indices", "line between two points")]
    public static Value Connect(Value a, Value b)
    {
        var (ai, aj) = Loc(a);
        var (bi, bj) = Loc(b);
        int si = Math.Min(ai, bi), ei = Math.Max(ai, bi) + 1, sj = Math.Min(aj, bj), ej = Math.Max(aj, bj) + 1;
        // Most pairs a program connects are not aligned (product's pairs, say): one shared empty set,
        // whose hash is known, as other primitives return for empty results.
        return ai == bi ? Line(ai, sj, 0, 1, ej - sj)
            : aj == bj ? Line(si, aj, 1, 0, ei - si)
            : bi - ai == bj - aj ? Line(si, sj, 1, 1, Math.Min(ei - si, ej - sj))
            : bi - ai == aj - bj ? Line(si, ej - 1, 1, -1, Math.Min(ei - si, ej - sj))
            : FrozenSetValue.Empty;
    }

    /// <summary>The n points (i + k·di, j + k·dj) from k = 0, added in that order.</summary>
    private static FrozenSetValue Line(int i, int j, int di, int dj, int n)
    {
        var t = new SetTable();
        for (var k = 0; k < n; k++) t.Add(Pair.Of(i + k * di, j + k * dj));
        return new FrozenSetValue(t);
    }

    [Primitive("backdrop(patch: Patch) -> Indices", "indices in bounding box of patch")]
    public static Value Backdrop(Value patch) => BackdropOf(patch);

    [Primitive("delta(patch: Patch) -> Indices", "indices in bounding box but not part of patch")]
    public static Value Delta(Value patch) => Py.Len(patch) == 0
        ? FrozenSetValue.Empty
        : new FrozenSetValue(SetTable.Difference(BackdropOf(patch).Table, Py.AsSet(ToIndices(patch), "patch").Table));

    [Primitive("gravitate(source: Patch, destination: Patch) -> IntegerTuple", "direction to move source until adjacent to destination")]
    public static Value Gravitate(Value source, Value destination)
    {
        var (si, sj) = CenterOf(source);
        var (di, dj) = CenterOf(destination);
        var vertical = Py.Truthy(Vmatching(source, destination));
        var step = vertical ? (si < di ? 1 : -1) : (sj < dj ? 1 : -1);
        var steps = StepsUntilAdjacent(Locations(source).ToArray(), Locations(destination).ToArray(), vertical, step);
        return vertical ? Pair.Of(steps * step, 0) : Pair.Of(0, steps * step);
    }

    [Primitive("inbox(patch: Patch) -> Indices", "inbox for patch")]
    public static Value Inbox(Value patch)
    {
        var b = Bounds(patch);
        return BoxLines(b.Top + 1, b.Left + 1, b.Bottom - 1, b.Right - 1);
    }

    [Primitive("outbox(patch: Patch) -> Indices", "outbox for patch")]
    public static Value Outbox(Value patch)
    {
        var b = Bounds(patch);
        return BoxLines(b.Top - 1, b.Left - 1, b.Bottom + 1, b.Right + 1);
    }

    [Primitive("box(patch: Patch) -> Indices", "outline of patch", LooseResult = true)]
    public static Value Box(Value patch)
    {
        if (Py.Len(patch) == 0) return patch;
        var b = Bounds(patch);
        return BoxLines(b.Top, b.Left, b.Bottom, b.Right);
    }

    [Primitive("shoot(start: IntegerTuple, direction: IntegerTuple) -> Indices", "line from starting point and direction")]
    public static Value Shoot(Value start, Value direction)
    {
        var (i, j) = FirstTwo(start);
        var (di, dj) = FirstTwo(direction);
        return Connect(start, Pair.Of(checked(i + 42 * di), checked(j + 42 * dj)));
    }

    [Primitive("vfrontier(location: IntegerTuple) -> Indices", "vertical frontier")]
    public static Value Vfrontier(Value location)
    {
        var j = Py.AsTuple(location, "location").GetItem(1);
        return FrozenSetValue.Of(Enumerable.Range(0, 30).Select(i => (Value)Py.TupleOf(Int.Of(i), j)));
    }

    [Primitive("hfrontier(location: IntegerTuple) -> Indices", "horizontal frontier")]
    public static Value Hfrontier(Value location)
    {
        var i = Py.AsTuple(location, "location").GetItem(0);
        return FrozenSetValue.Of(Enumerable.Range(0, 30).Select(j => (Value)Py.TupleOf(i, Int.Of(j))));
    }

    private static int HeightOf(Value piece)
    {
        if (Py.Len(piece) == 0) return 0;
        if (piece is TupleValue t) return t.Count;
        var b = Bounds(piece);
        return b.Bottom - b.Top + 1;
    }

    private static int WidthOf(Value piece)
    {
        if (Py.Len(piece) == 0) return 0;
        if (piece is TupleValue t) return Py.Len(t[0]);
        var b = Bounds(piece);
        return b.Right - b.Left + 1;
    }

    /// <summary>
    /// arc-dsl's corners: min or max of each column of <c>zip(*toindices(patch))</c>, the empty tuple
    /// for an empty patch. For locations that is (row, column); a patch of longer tuples (a grid's
    /// rows, say) gives one value per column, and urcorner and llcorner, which pick min or max by a
    /// dictionary of columns 0 and 1, raise KeyError at column 2, as in CPython.
    /// </summary>
    private static Value Corner(Value patch, bool lowRow, bool lowColumn, bool anyWidth)
    {
        var indices = ToIndices(patch);
        if (Py.Len(indices) == 0) return TupleValue.Empty;
        if (AllPairs(indices))
        {
            var (top, left, bottom, right) = Bounds(indices);
            return Pair.Of(lowRow ? top : bottom, lowColumn ? left : right);
        }
        var columns = Columns(indices);
        var corner = new Value[columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            if (k >= 2 && !anyWidth) throw DslError.Key(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            corner[k] = (k == 0 ? lowRow : lowColumn) ? Py.Min(columns[k], null) : Py.Max(columns[k], null);
        }
        return Py.TupleOf(corner);
    }

    /// <summary>
    /// <c>zip(*indices)</c>: column k holds the k-th item of every element, for each k below the
    /// shortest element's length (none for no elements); TypeError for an element that is not iterable.
    /// </summary>
    private static Value[][] Columns(Value indices)
    {
        var rows = Py.Iterate(indices).Select(e => Py.Iterate(e).ToArray()).ToArray();
        var width = rows.Length == 0 ? 0 : rows.Min(r => r.Length);
        return Enumerable.Range(0, width).Select(k => rows.Select(r => r[k]).ToArray()).ToArray();
    }

    private static FrozenSetValue ShiftBy(Value s, int di, int dj)
    {
        var t = new SetTable();
        if (s is FrozenSetValue fs && fs.Table.First() is Cell)
        {
            foreach (var e in fs.Table)
            {
                var (c, i, j) = e is Cell cell ? (cell.Color, cell.I, cell.J) : CellParts(e);
                t.Add(Cell.Of(c, checked(i + di), checked(j + dj)));
            }
        }
        else if (HoldsCells(s))
        {
            foreach (var e in Py.Iterate(s))
            {
                var (c, i, j) = CellParts(e);
                t.Add(Cell.Of(c, checked(i + di), checked(j + dj)));
            }
        }
        else
        {
            foreach (var e in Py.Iterate(s))
            {
                var (i, j) = Loc(e);
                t.Add(Pair.Of(checked(i + di), checked(j + dj)));
            }
        }
        return new FrozenSetValue(t);
    }

    internal static SetTable DirectNeighbors((int I, int J) l)
    {
        var t = new SetTable();
        t.Add(Pair.Of(l.I - 1, l.J));
        t.Add(Pair.Of(l.I + 1, l.J));
        t.Add(Pair.Of(l.I, l.J - 1));
        t.Add(Pair.Of(l.I, l.J + 1));
        return t;
    }

    internal static SetTable DiagonalNeighbors((int I, int J) l)
    {
        var t = new SetTable();
        t.Add(Pair.Of(l.I - 1, l.J - 1));
        t.Add(Pair.Of(l.I - 1, l.J + 1));
        t.Add(Pair.Of(l.I + 1, l.J - 1));
        t.Add(Pair.Of(l.I + 1, l.J + 1));
        return t;
    }

    /// <summary><c>dneighbors(loc) | ineighbors(loc)</c>, each side frozen as arc-dsl does.</summary>
    internal static SetTable AllNeighbors((int I, int J) l) =>
        SetTable.Union(SetTable.CopyOf(DirectNeighbors(l)), SetTable.CopyOf(DiagonalNeighbors(l)));

    /// <summary>
    /// How many steps of <paramref name="step"/> along one axis gravitate's loop takes before the source is
    /// adjacent to the destination (Manhattan distance 1), 42 where it never is within 41. arc-dsl shifts the
    /// source and measures again each step; here each pair of cells says at which step it is 0 or 1 apart, so
    /// the pairs are visited once, not 42 times (gravitate was a third of the enumeration's time).
    /// </summary>
    private static int StepsUntilAdjacent((int I, int J)[] source, (int I, int J)[] destination, bool vertical, int step)
    {
        if (source.Length == 0 || destination.Length == 0) throw DslError.ValueErr("min() arg is an empty sequence");
        const int Limit = 42;
        ulong touching = 0, apart1 = 0;
        void Mark(ref ulong bits, long c)
        {
            if (c is >= 0 and < Limit) bits |= 1UL << (int)c;
        }
        foreach (var (ai, aj) in source)
            foreach (var (bi, bj) in destination)
            {
                // After c steps the pair is |across| + |along + c * step| apart.
                var (along, across) = vertical ? ((long)ai - bi, Math.Abs((long)aj - bj)) : ((long)aj - bj, Math.Abs((long)ai - bi));
                if (across == 0)
                {
                    Mark(ref touching, -along * step);
                    Mark(ref apart1, (1 - along) * step);
                    Mark(ref apart1, (-1 - along) * step);
                }
                else if (across == 1) Mark(ref apart1, -along * step);
            }
        var adjacent = apart1 & ~touching;
        return adjacent == 0 ? Limit : System.Numerics.BitOperations.TrailingZeroCount(adjacent);
    }

    private static int ManhattanOf(Value a, Value b)
    {
        var bs = Locations(b).ToArray();
        var best = int.MaxValue;
        var any = false;
        foreach (var (ai, aj) in Locations(a))
            foreach (var (bi, bj) in bs)
            {
                any = true;
                best = Math.Min(best, Math.Abs(ai - bi) + Math.Abs(aj - bj));
            }
        return any ? best : throw DslError.ValueErr("min() arg is an empty sequence");
    }

    private static (int I, int J) CenterOf(Value patch)
    {
        var b = Bounds(patch);
        return (b.Top + HeightOf(patch) / 2, b.Left + WidthOf(patch) / 2);
    }

    private static FrozenSetValue BackdropOf(Value patch)
    {
        if (Py.Len(patch) == 0) return FrozenSetValue.Empty;
        var b = Bounds(patch);
        Limits.CheckSize((long)(b.Bottom - b.Top + 1) * (b.Right - b.Left + 1));
        var t = new SetTable();
        for (var i = b.Top; i <= b.Bottom; i++)
            for (var j = b.Left; j <= b.Right; j++) t.Add(Pair.Of(i, j));
        return new FrozenSetValue(t);
    }

    /// <summary>The four sides of the box from (ai, aj) to (bi, bj), built as arc-dsl's inbox, outbox and box build them.</summary>
    private static FrozenSetValue BoxLines(int ai, int aj, int bi, int bj)
    {
        int si = Math.Min(ai, bi), sj = Math.Min(aj, bj), ei = Math.Max(ai, bi), ej = Math.Max(aj, bj);
        SetTable Line(Func<int, Pair> at, int from, int to)
        {
            var t = new SetTable();
            for (var k = from; k <= to; k++) t.Add(at(k));
            return t;
        }
        var vlines = SetTable.Union(Line(i => Pair.Of(i, sj), si, ei), Line(i => Pair.Of(i, ej), si, ei));
        var hlines = SetTable.Union(Line(j => Pair.Of(si, j), sj, ej), Line(j => Pair.Of(ei, j), sj, ej));
        return Py.Freeze(SetTable.Union(vlines, hlines));
    }
}
