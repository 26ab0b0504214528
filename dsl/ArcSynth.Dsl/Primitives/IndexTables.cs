using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

/// <summary>
/// <c>asindices</c>'s set, <c>frozenset((i, j) for i in range(h) for j in range(w))</c>, depends only
/// on the grid's shape, and objects() walks it on every call: this cache builds each shape's table
/// once, the way asindices does, and hands out the same (never modified) table afterwards, each
/// caller wrapping it in a frozenset object of its own.
/// </summary>
internal static class IndexTables
{
    private const int Side = 32;
    private static readonly SetTable?[] Cache = new SetTable?[Side * Side];

    /// <summary>The table of every location of an h x w grid, in CPython's layout.</summary>
    public static SetTable Of(int h, int w)
    {
        if ((uint)h >= Side || (uint)w >= Side) return Build(h, w);
        return Cache[h * Side + w] ??= Build(h, w);
    }

    private static SetTable Build(int h, int w)
    {
        var t = new SetTable();
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++) t.Add(Pair.Of(i, j));
        return t;
    }
}
