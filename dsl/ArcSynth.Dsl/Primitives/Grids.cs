using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.PatchOps;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    [Primitive("crop(grid: Grid, start: IntegerTuple, dims: IntegerTuple) -> Grid", "subgrid specified by start and dimension")]
    public static Value Crop(Value grid, Value start, Value dims)
    {
        var g = AsGrid(grid);
        var (si, sj) = FirstTwo(start);
        var (h, w) = FirstTwo(dims);
        var (r0, r1) = Slice(g.Height, si, (long)si + h);
        var (c0, c1) = Slice(g.Width, sj, (long)sj + w);
        return Build(r1 - r0, c1 - c0, (i, j) => g[r0 + i, c0 + j]);
    }

    [Primitive("rot90(grid: Grid) -> Grid", "quarter clockwise rotation")]
    public static Value Rot90(Value grid) => Transformed(grid, g => Build(g.Width, g.Height, (i, j) => g[g.Height - 1 - j, i]));

    [Primitive("rot180(grid: Grid) -> Grid", "half rotation")]
    public static Value Rot180(Value grid)
    {
        var g = AsGrid(grid);
        return Build(g.Height, g.Width, (i, j) => g[g.Height - 1 - i, g.Width - 1 - j]);
    }

    [Primitive("rot270(grid: Grid) -> Grid", "quarter anticlockwise rotation")]
    public static Value Rot270(Value grid) => Transformed(grid, g => Build(g.Width, g.Height, (i, j) => g[j, g.Width - 1 - i]));

    [Primitive("hmirror(piece: Piece) -> Piece", "mirroring along horizontal")]
    public static Value Hmirror(Value piece)
    {
        if (piece is TupleValue t) return Reversed(t);
        var (top, _, bottom, _) = Bounds(AsNonEmptyForCorner(piece));
        var d = top + bottom;
        return Mirrored(piece, (i, j) => (d - i, j));
    }

    [Primitive("vmirror(piece: Piece) -> Piece", "mirroring along vertical")]
    public static Value Vmirror(Value piece)
    {
        if (piece is TupleValue t)
        {
            if (t is Grid g) return Build(g.Height, g.Width, (i, j) => g[i, g.Width - 1 - j]);
            return Py.TupleOf(t.Items().Select(row => (Value)Reversed(Py.AsTuple(row, "row"))).ToArray());
        }
        var (_, left, _, right) = Bounds(AsNonEmptyForCorner(piece));
        var d = left + right;
        return Mirrored(piece, (i, j) => (i, d - j));
    }

    [Primitive("dmirror(piece: Piece) -> Piece", "mirroring along diagonal")]
    public static Value Dmirror(Value piece)
    {
        if (piece is TupleValue) return Transformed(piece, g => Build(g.Width, g.Height, (i, j) => g[j, i]));
        var s = AsPatch(piece);
        if (Py.Len(s) == 0) throw DslError.ValueErr("not enough values to unpack (expected 2, got 0)");
        var (a, b, _, _) = Bounds(s);
        return Mirrored(piece, (i, j) => (j - b + a, i - a + b));
    }

    [Primitive("cmirror(piece: Piece) -> Piece", "mirroring along counterdiagonal")]
    public static Value Cmirror(Value piece)
    {
        if (piece is TupleValue)
            return Transformed(piece, g => Build(g.Width, g.Height, (i, j) => g[g.Height - 1 - j, g.Width - 1 - i]));
        return Vmirror(Dmirror(Vmirror(piece)));
    }

    [Primitive("fill(grid: Grid, value: Integer, patch: Patch) -> Grid", "fill value at indices", Unchecked = ["value"])]
    public static Value Fill(Value grid, Value value, Value patch) => Painted(grid, patch, value, onlyBackground: false);

    [Primitive("paint(grid: Grid, obj: Object) -> Grid", "paint object to grid")]
    public static Value Paint(Value grid, Value obj) => Painted(grid, obj, null, onlyBackground: false);

    [Primitive("underfill(grid: Grid, value: Integer, patch: Patch) -> Grid", "fill value at indices that are background", Unchecked = ["value"])]
    public static Value Underfill(Value grid, Value value, Value patch) => Painted(grid, patch, value, onlyBackground: true);

    [Primitive("underpaint(grid: Grid, obj: Object) -> Grid", "paint object to grid where there is background")]
    public static Value Underpaint(Value grid, Value obj) => Painted(grid, obj, null, onlyBackground: true);

    [Primitive("hupscale(grid: Grid, factor: Integer) -> Grid", "upscale grid horizontally")]
    public static Value Hupscale(Value grid, Value factor)
    {
        var g = AsGrid(grid);
        var f = Math.Max(Py.AsInt(factor, "factor"), 0);
        return Build(g.Height, g.Width * f, (i, j) => g[i, j / f]);
    }

    [Primitive("vupscale(grid: Grid, factor: Integer) -> Grid", "upscale grid vertically")]
    public static Value Vupscale(Value grid, Value factor)
    {
        var g = AsGrid(grid);
        var f = Math.Max(Py.AsInt(factor, "factor"), 0);
        if (g.Height * f == 0) return TupleValue.Empty;
        return Build(g.Height * f, g.Width, (i, j) => g[i / f, j]);
    }

    [Primitive("upscale(element: Element, factor: Integer) -> Element", "upscale object or grid")]
    public static Value Upscale(Value element, Value factor)
    {
        var f = Py.AsInt(factor, "factor");
        if (element is TupleValue)
        {
            var g = AsGrid(element);
            var k = Math.Max(f, 0);
            if (g.Height * k == 0) return TupleValue.Empty;
            Limits.CheckGrid((long)g.Height * k, (long)g.Width * k);
            return Build(g.Height * k, g.Width * k, (i, j) => g[i / k, j / k]);
        }
        var s = AsPatch(element);
        if (Py.Len(s) == 0) return FrozenSetValue.Empty;
        var (top, left, _, _) = Bounds(s);
        var normed = (FrozenSetValue)Shift(s, Pair.Of(-top, -left));
        Limits.CheckSize((long)normed.Count * f * f);
        var o = new SetTable();
        foreach (var e in normed.Items())
        {
            var (v, i, j) = CellParts(e);
            for (var io = 0; io < f; io++)
                for (var jo = 0; jo < f; jo++) o.Add(Cell.Of(v, checked(i * f + io), checked(j * f + jo)));
        }
        return Shift(Py.Freeze(o), Pair.Of(top, left));
    }

    [Primitive("downscale(grid: Grid, factor: Integer) -> Grid", "downscale grid")]
    public static Value Downscale(Value grid, Value factor)
    {
        var g = AsGrid(grid);
        var f = Py.AsInt(factor, "factor");
        var w = PatchOps.WidthOf(g);
        var cols = Enumerable.Range(0, w).Where(j => PyOps.Mod(j, f) == 0).ToArray();
        var rows = Enumerable.Range(0, g.Height).Where(i => PyOps.Mod(i, f) == 0).ToArray();
        return Build(rows.Length, cols.Length, (i, j) => g[rows[i], cols[j]]);
    }

    [Primitive("hconcat(a: Grid, b: Grid) -> Grid", "concatenate two grids horizontally")]
    public static Value Hconcat(Value a, Value b)
    {
        if (a is Grid x && b is Grid y)
        {
            var h = Math.Min(x.Height, y.Height);
            return Build(h, x.Width + y.Width, (i, j) => j < x.Width ? x[i, j] : y[i, j - x.Width]);
        }
        var ta = Py.AsTuple(a);
        var tb = Py.AsTuple(b);
        var rows = new Value[Math.Min(ta.Count, tb.Count)];
        for (var i = 0; i < rows.Length; i++) rows[i] = PyOps.Add(ta[i], tb[i]);
        return Py.TupleOf(rows);
    }

    [Primitive("vconcat(a: Grid, b: Grid) -> Grid", "concatenate two grids vertically")]
    public static Value Vconcat(Value a, Value b) => PyOps.Add(a, b);

    [Primitive("subgrid(patch: Patch, grid: Grid) -> Grid", "smallest subgrid containing object")]
    public static Value Subgrid(Value patch, Value grid) => Crop(grid, Ulcorner(patch), Shape(patch));

    [Primitive("hsplit(grid: Grid, n: Integer) -> Tuple", "split grid horizontally")]
    public static Value Hsplit(Value grid, Value n)
    {
        var g = AsGrid(grid);
        var k = Py.AsInt(n, "n");
        var gw = PatchOps.WidthOf(g);
        var w = (int)PyOps.FloorDiv(gw, k);
        var offset = PyOps.Mod(gw, k) != 0 ? 1 : 0;
        return Py.TupleOf(Enumerable.Range(0, Math.Max(k, 0)).Select(i => Crop(g, Pair.Of(0, w * i + i * offset), Pair.Of(g.Height, w))).ToArray());
    }

    [Primitive("vsplit(grid: Grid, n: Integer) -> Tuple", "split grid vertically")]
    public static Value Vsplit(Value grid, Value n)
    {
        var g = AsGrid(grid);
        var k = Py.AsInt(n, "n");
        var w = PatchOps.WidthOf(g);
        var h = (int)PyOps.FloorDiv(g.Height, k);
        var offset = PyOps.Mod(g.Height, k) != 0 ? 1 : 0;
        return Py.TupleOf(Enumerable.Range(0, Math.Max(k, 0)).Select(i => Crop(g, Pair.Of(h * i + i * offset, 0), Pair.Of(h, w))).ToArray());
    }

    [Primitive("cellwise(a: Grid, b: Grid, fallback: Integer) -> Grid", "cellwise match of two grids", Unchecked = ["fallback"])]
    public static Value Cellwise(Value a, Value b, Value fallback)
    {
        var x = AsGrid(a);
        var y = AsGrid(b);
        var w = PatchOps.WidthOf(x);
        if (x.Height > 0 && w > 0 && (y.Height < x.Height || y.Width < w)) throw DslError.Index("tuple index out of range");
        return Build(x.Height, w, (i, j) => x[i, j] == y[i, j] ? x[i, j] : CellValue(fallback));
    }

    [Primitive("replace(grid: Grid, replacee: Integer, replacer: Integer) -> Grid", "color substitution", Unchecked = ["replacee", "replacer"])]
    public static Value Replace(Value grid, Value replacee, Value replacer)
    {
        var g = AsGrid(grid);
        if (replacee is not (Int or Bool)) return g;
        var from = Py.AsInt(replacee);
        return Build(g.Height, g.Width, (i, j) => g[i, j] == from ? CellValue(replacer) : g[i, j]);
    }

    [Primitive("switch(grid: Grid, a: Integer, b: Integer) -> Grid", "color switching", Unchecked = ["a", "b"])]
    public static Value Switch(Value grid, Value a, Value b)
    {
        var g = AsGrid(grid);
        return Build(g.Height, g.Width, (i, j) =>
        {
            var v = Int.Of(g[i, j]);
            return !v.Equals(a) && !v.Equals(b) ? v.V : v.Equals(b) ? CellValue(a) : CellValue(b);
        });
    }

    [Primitive("index(grid: Grid, loc: IntegerTuple) -> Integer", "color at location", LooseResult = true)]
    public static Value Index(Value grid, Value loc)
    {
        var (i, j) = Loc(loc);
        var g = AsGrid(grid);
        var w = PatchOps.WidthOf(g);
        return i >= 0 && i < g.Height && j >= 0 && j < w ? Int.Of(g[i, j]) : NoneValue.Instance;
    }

    [Primitive("canvas(value: Integer, dimensions: IntegerTuple) -> Grid", "grid construction", Unchecked = ["value"])]
    public static Value Canvas(Value value, Value dimensions)
    {
        var (h, w) = FirstTwo(dimensions);
        if (h <= 0) return TupleValue.Empty;
        if (w <= 0) return Build(h, 0, (_, _) => 0);
        var v = CellValue(value);
        return Build(h, w, (_, _) => v);
    }

    [Primitive("cover(grid: Grid, patch: Patch) -> Grid", "remove object from grid")]
    public static Value Cover(Value grid, Value patch) => Fill(grid, Mostcolor(AsGrid(grid)), patch);

    [Primitive("trim(grid: Grid) -> Grid", "trim border of grid")]
    public static Value Trim(Value grid)
    {
        var g = AsGrid(grid);
        var (r0, r1) = Slice(g.Height, 1, -1);
        var (c0, c1) = Slice(g.Width, 1, -1);
        return Build(r1 - r0, c1 - c0, (i, j) => g[r0 + i, c0 + j]);
    }

    [Primitive("move(grid: Grid, obj: Object, offset: IntegerTuple) -> Grid", "move object on grid")]
    public static Value Move(Value grid, Value obj, Value offset) => Paint(Cover(grid, obj), Shift(obj, offset));

    [Primitive("tophalf(grid: Grid) -> Grid", "upper half of grid")]
    public static Value Tophalf(Value grid)
    {
        var g = AsGrid(grid);
        return Rows(g, 0, g.Height / 2);
    }

    [Primitive("bottomhalf(grid: Grid) -> Grid", "lower half of grid")]
    public static Value Bottomhalf(Value grid)
    {
        var g = AsGrid(grid);
        return Rows(g, g.Height / 2 + g.Height % 2, g.Height);
    }

    [Primitive("lefthalf(grid: Grid) -> Grid", "left half of grid")]
    public static Value Lefthalf(Value grid) => Rot270(Tophalf(Rot90(grid)));

    [Primitive("righthalf(grid: Grid) -> Grid", "right half of grid")]
    public static Value Righthalf(Value grid) => Rot270(Bottomhalf(Rot90(grid)));

    [Primitive("compress(grid: Grid) -> Grid", "removes frontiers from grid")]
    public static Value Compress(Value grid)
    {
        var g = AsGrid(grid);
        var rows = Enumerable.Range(0, g.Height).Where(i => !Uniform(g.Width, j => g[i, j])).ToArray();
        var cols = Enumerable.Range(0, g.Width).Where(j => !Uniform(g.Height, i => g[i, j])).ToArray();
        return Build(rows.Length, cols.Length, (i, j) => g[rows[i], cols[j]]);
    }

    /// <summary>
    /// Applies a transposing grid operation. Python's <c>zip(*rows)</c> gives the empty tuple when
    /// there are no rows or the rows are empty; the port does the same.
    /// </summary>
    private static Value Transformed(Value grid, Func<Grid, Grid> op)
    {
        var g = AsGrid(grid);
        return g.Height == 0 || g.Width == 0 ? TupleValue.Empty : op(g);
    }

    /// <summary><c>piece[::-1]</c> for any tuple.</summary>
    private static TupleValue Reversed(TupleValue t) => t switch
    {
        Grid g => Build(g.Height, g.Width, (i, j) => g[g.Height - 1 - i, j]),
        Pair p => Pair.Of(p.B, p.A),
        _ => Py.TupleOf(Enumerable.Range(0, t.Count).Select(i => t[t.Count - 1 - i]).ToArray()),
    };

    /// <summary>Rows [from, to) of a grid, as Python's slice of a tuple.</summary>
    private static Grid Rows(Grid g, int from, int to) => Build(to - from, g.Width, (i, j) => g[from + i, j]);

    /// <summary>ulcorner and lrcorner of an empty frozenset are (), and indexing () raises IndexError.</summary>
    private static Value AsNonEmptyForCorner(Value piece)
    {
        var s = AsPatch(piece);
        return Py.Len(s) > 0 ? s : throw DslError.Index("tuple index out of range");
    }

    /// <summary>A patch with every location moved by <paramref name="map"/>, in the patch's iteration order.</summary>
    private static FrozenSetValue Mirrored(Value piece, Func<int, int, (int, int)> map)
    {
        var s = AsPatch(piece);
        var t = new SetTable();
        var cells = HoldsCells(s);
        foreach (var e in Py.Iterate(s))
        {
            if (cells)
            {
                var (v, i, j) = CellParts(e);
                var (a, b) = map(i, j);
                t.Add(Cell.Of(v, a, b));
            }
            else
            {
                var (i, j) = Loc(e);
                var (a, b) = map(i, j);
                t.Add(Pair.Of(a, b));
            }
        }
        return new FrozenSetValue(t);
    }

    /// <summary><c>value, (i, j)</c> of an object's element, the value left as it is (paint checks it only where it lands).</summary>
    private static (Value, int, int) ValueAndLocation(Value e)
    {
        if (e is not TupleValue { Count: 2 } t) throw DslError.ValueErr($"cannot unpack {e} as (value, (i, j))");
        var (i, j) = Loc(t[1]);
        return (t[0], i, j);
    }

    /// <summary>
    /// fill and underfill (one <paramref name="fillValue"/> at every location), paint and underpaint
    /// (each cell's own value; later cells overwrite earlier ones, in iteration order).
    /// </summary>
    private static Value Painted(Value grid, Value patch, Value? fillValue, bool onlyBackground)
    {
        var g = AsGrid(grid);
        int h = g.Height, w = PatchOps.WidthOf(g);
        var bg = onlyBackground ? MostColorOf(g) : 0;
        var cells = g.Cells.ToArray();
        var s = AsPatch(patch);
        IEnumerable<(Value V, int I, int J)> targets = fillValue is null
            ? Py.Iterate(s).Select(e => e is Cell c ? (Int.Of(c.Color), c.I, c.J) : ValueAndLocation(e))
            : Locations(s).Select(l => (fillValue, l.I, l.J));
        foreach (var (v, i, j) in targets)
        {
            if (i < 0 || i >= h || j < 0 || j >= w) continue;
            if (onlyBackground && cells[i * w + j] != bg) continue;
            cells[i * w + j] = CellValue(v);
        }
        return new Grid(h, w, cells);
    }
}
