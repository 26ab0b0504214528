using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

/// <summary>
/// objects() builds, for every cell it visits, the set <c>{(i, j) for i, j in diagfun(cand) if
/// inside the grid}</c>. That set depends only on the cell, on the neighbourhood kind and on which
/// grid edges the cell touches; this cache builds each such set once, with the primitives
/// themselves, and hands out the same (never modified) table afterwards: same orders, no rework.
/// </summary>
internal static class NeighborOrders
{
    private const int Side = 32;
    private static readonly SetTable?[] Cache = new SetTable?[Side * Side * 2 * 16];

    /// <summary>The in-grid neighbours of (i, j) in an h x w grid, as the set arc-dsl's comprehension makes.</summary>
    public static SetTable Inside(int i, int j, bool diagonal, int h, int w)
    {
        var edges = (i == 0 ? 1 : 0) | (i == h - 1 ? 2 : 0) | (j == 0 ? 4 : 0) | (j == w - 1 ? 8 : 0);
        if ((uint)i >= Side || (uint)j >= Side) return Compute(i, j, diagonal, h, w);
        var k = (((i * Side) + j) * 2 + (diagonal ? 1 : 0)) * 16 + edges;
        return Cache[k] ??= Compute(i, j, diagonal, h, w);
    }

    private static SetTable Compute(int i, int j, bool diagonal, int h, int w)
    {
        var loc = Pair.Of(i, j);
        var around = (FrozenSetValue)(diagonal ? Builtins.Neighbors(loc) : Builtins.Dneighbors(loc));
        var inside = new SetTable();
        foreach (var n in around.Table)
        {
            var p = (Pair)n;
            if (p.A >= 0 && p.A < h && p.B >= 0 && p.B < w) inside.Add(p);
        }
        return inside;
    }
}
