using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.PatchOps;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    /// <summary>
    /// Follows arc-dsl's flood fill set operation by set operation (the same sets, unions and
    /// differences), because the order in which cells enter each object fixes the object's table
    /// layout, and so its iteration order.
    /// </summary>
    [Primitive("objects(grid: Grid, univalued: Boolean, diagonal: Boolean, without_bg: Boolean) -> Objects", "objects occurring on the grid")]
    public static Value Objects(Value grid, Value univalued, Value diagonal, Value without_bg)
    {
        var g = AsGrid(grid);
        var sameColor = Py.Truthy(univalued);
        var diag = Py.Truthy(diagonal);
        var withoutBg = Py.Truthy(without_bg);
        var flags = (sameColor ? 1 : 0) | (diag ? 2 : 0) | (withoutBg ? 4 : 0);
        if (ObjectsMemo.TryGet(g, flags) is { } known) return known.Alias();
        var result = FindObjects(g, sameColor, diag, withoutBg ? MostColorOf(g) : null);
        ObjectsMemo.Put(g, flags, result);
        return result;
    }

    private static FrozenSetValue FindObjects(Grid g, bool sameColor, bool diag, int? bg)
    {
        var objs = new SetTable();
        int h = g.Height, w = PatchOps.WidthOf(g);
        // arc-dsl's `occupied` is a set that is never iterated: only its size and membership
        // matter (see SetTable.Difference), so a flag per cell stands in for it.
        var occupied = new bool[h * w];
        var occupiedCount = 0;
        bool IsOccupied(Value v, long _) => v is Pair p && (uint)p.A < (uint)h && (uint)p.B < (uint)w && occupied[p.A * w + p.B];
        foreach (var locValue in IndexTables.Of(g.Height, g.Width))
        {
            Limits.Step();
            if (IsOccupied(locValue, 0)) continue;
            var loc = (Pair)locValue;
            var val = g[loc.A, loc.B];
            if (val == bg) continue;
            var obj = new SetTable();
            obj.Add(Cell.Of(val, loc.A, loc.B));
            var cands = new SetTable();
            cands.Add(loc);
            while (cands.Count > 0)
            {
                var neighborhood = new SetTable();
                foreach (var candValue in cands)
                {
                    var cand = (Pair)candValue;
                    var v = g[cand.A, cand.B];
                    if (sameColor ? val == v : v != bg)
                    {
                        obj.Add(Cell.Of(v, cand.A, cand.B));
                        if (!occupied[cand.A * w + cand.B])
                        {
                            occupied[cand.A * w + cand.B] = true;
                            occupiedCount++;
                        }
                        neighborhood.Merge(NeighborOrders.Inside(cand.A, cand.B, diag, h, w));
                    }
                }
                cands = SetTable.Difference(neighborhood, occupiedCount, IsOccupied);
            }
            objs.Add(Py.Freeze(obj));
        }
        return Py.Freeze(objs);
    }

    /// <summary>
    /// The last objects() results of this thread, by grid and flags. A search runs thousands of
    /// programs on the same inputs, most of which call objects on them the same way; a pure
    /// function's result can be reused, handed out as an alias so that every call still returns
    /// new frozenset objects, as CPython's do.
    /// </summary>
    private static class ObjectsMemo
    {
        private const int Capacity = 64;
        [ThreadStatic] private static Dictionary<(Grid, int), FrozenSetValue>? _results;

        public static FrozenSetValue? TryGet(Grid g, int flags) =>
            _results is not null && _results.TryGetValue((g, flags), out var r) ? r : null;

        public static void Put(Grid g, int flags, FrozenSetValue result)
        {
            _results ??= [];
            if (_results.Count >= Capacity) _results.Clear();
            _results[(g, flags)] = result;
        }
    }

    [Primitive("partition(grid: Grid) -> Objects", "each cell with the same value part of the same object")]
    public static Value Partition(Value grid)
    {
        var g = AsGrid(grid);
        return FrozenSetValue.Of(((FrozenSetValue)Palette(g)).Items().Select(c => (Value)CellsOfColor(g, ((Int)c).V)));
    }

    [Primitive("fgpartition(grid: Grid) -> Objects", "each cell with the same value part of the same object without background")]
    public static Value Fgpartition(Value grid)
    {
        var g = AsGrid(grid);
        var background = new SetTable();
        background.Add(Mostcolor(g));
        var colors = SetTable.Difference(((FrozenSetValue)Palette(g)).Table, background);
        return FrozenSetValue.Of(colors.Keys().Select(c => (Value)CellsOfColor(g, ((Int)c).V)));
    }

    [Primitive("occurrences(grid: Grid, obj: Object) -> Indices", "locations of occurrences of object in grid")]
    public static Value Occurrences(Value grid, Value obj)
    {
        var g = AsGrid(grid);
        int h = g.Height, w = PatchOps.WidthOf(g);
        // normalize(obj) is only iterated here, so its order cannot show: flat arrays do the same
        // checks. As in arc-dsl, the placements go by shape(obj) (a tuple's height is its length,
        // its width the length of its first item), and the cells are unpacked only for a placement.
        int top = 0, left = 0;
        if (Py.Len(AsPatch(obj)) > 0) (top, left, _, _) = Bounds(obj);
        int objHeight = HeightOf(obj), objWidth = WidthOf(obj);
        int placementsDown = h - objHeight + 1, placementsAcross = w - objWidth + 1;
        var cells = placementsDown > 0 && placementsAcross > 0 ? Py.Iterate(obj).Select(CellParts).ToArray() : [];
        var occs = new SetTable();
        var cells2 = g.Cells;
        // A rectangle of one colour (what canvas and asobject make) fills its bounds, so it occurs
        // where its window holds nothing but its colour: counted in a summed-area table instead of
        // cell by cell. The placements are visited, and added, in the same order either way.
        var stride = w + 1;
        var sums = obj is FrozenSetValue && cells.Length > 1 && cells.Length == objHeight * objWidth && cells.All(c => c.C == cells[0].C)
            ? CountsOfColour(cells2, h, w, cells[0].C)
            : null;
        for (var i = 0; i < placementsDown; i++)
        {
            Limits.Step();
            for (var j = 0; j < placementsAcross; j++)
            {
                bool occurs;
                if (sums is not null)
                {
                    int a = i + objHeight, b = j + objWidth;
                    occurs = sums[a * stride + b] - sums[i * stride + b] - sums[a * stride + j] + sums[i * stride + j] == cells.Length;
                }
                else
                {
                    occurs = true;
                    foreach (var (v, ci, cj) in cells)
                    {
                        int a = ci - top + i, b = cj - left + j;
                        if (a < 0 || a >= h || b < 0 || b >= w || cells2[a * w + b] != v)
                        {
                            occurs = false;
                            break;
                        }
                    }
                }
                if (occurs) occs.Add(Pair.Of(i, j));
            }
        }
        return Py.Freeze(occs);
    }

    /// <summary>The summed-area table of an h x w grid's cells of one colour: entry (i, j) of its (h + 1) x (w + 1) counts them above and left of (i, j).</summary>
    private static int[] CountsOfColour(ReadOnlySpan<int> cells, int h, int w, int colour)
    {
        var stride = w + 1;
        var sums = new int[(h + 1) * stride];
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++)
                sums[(i + 1) * stride + j + 1] = (cells[i * w + j] == colour ? 1 : 0)
                    + sums[i * stride + j + 1] + sums[(i + 1) * stride + j] - sums[i * stride + j];
        return sums;
    }

    [Primitive("frontiers(grid: Grid) -> Objects", "set of frontiers")]
    public static Value Frontiers(Value grid)
    {
        var g = AsGrid(grid);
        int h = g.Height, w = PatchOps.WidthOf(g);
        var hfrontiers = new SetTable();
        for (var i = 0; i < h; i++)
            if (Uniform(w, j => g[i, j])) hfrontiers.Add(FrozenOfSet(Enumerable.Range(0, w).Select(j => (Value)Cell.Of(g[i, j], i, j))));
        var vfrontiers = new SetTable();
        for (var j = 0; j < w; j++)
            if (Uniform(h, i => g[i, j])) vfrontiers.Add(FrozenOfSet(Enumerable.Range(0, h).Select(i => (Value)Cell.Of(g[i, j], i, j))));
        return new FrozenSetValue(SetTable.Union(SetTable.CopyOf(hfrontiers), SetTable.CopyOf(vfrontiers)));
    }

    [Primitive("hperiod(obj: Object) -> Integer", "horizontal periodicity")]
    public static Value Hperiod(Value obj) => Int.Of(Period(obj, horizontal: true));

    [Primitive("vperiod(obj: Object) -> Integer", "vertical periodicity")]
    public static Value Vperiod(Value obj) => Int.Of(Period(obj, horizontal: false));

    /// <summary>All cells of one colour, row-major, as partition and fgpartition collect them.</summary>
    private static FrozenSetValue CellsOfColor(Grid g, int color)
    {
        var t = new SetTable();
        for (var i = 0; i < g.Height; i++)
            for (var j = 0; j < g.Width; j++)
                if (g[i, j] == color) t.Add(Cell.Of(color, i, j));
        return new FrozenSetValue(t);
    }

    /// <summary><c>len(set(line)) == 1</c> for a row or column of n cells.</summary>
    private static bool Uniform(int n, Func<int, int> at)
    {
        for (var k = 1; k < n; k++)
            if (at(k) != at(0)) return false;
        return n > 0;
    }

    /// <summary>
    /// The smallest shift p for which the object, moved back by p and cut at the edge, lies within
    /// itself. As in arc-dsl, the cells are unpacked only inside the loop over p = 1 .. extent - 1,
    /// so a patch one cell wide (for hperiod) gives 1 even when it holds indices, and () gives 0.
    /// </summary>
    private static int Period(Value obj, bool horizontal)
    {
        var normalized = Normalize(obj);
        var extent = horizontal ? WidthOf(normalized) : HeightOf(normalized);
        if (extent < 2) return extent;
        var cells = Py.Iterate(normalized).Select(CellParts).ToArray();
        var members = cells.ToHashSet();
        for (var p = 1; p < extent; p++)
        {
            var within = true;
            foreach (var (c, i, j) in cells)
            {
                var (si, sj) = horizontal ? (i, j - p) : (i - p, j);
                if ((horizontal ? sj : si) >= 0 && !members.Contains((c, si, sj)))
                {
                    within = false;
                    break;
                }
            }
            if (within) return p;
        }
        return extent;
    }
}
