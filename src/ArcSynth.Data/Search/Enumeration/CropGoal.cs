using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// Where every demonstration output lies, whole, inside a grid the enumeration built from its input (the
/// input itself, or one call away from it: vmirror(I)): the upper-left corners at which it fills that grid.
/// A patch whose box is at such a corner on every demonstration crops the output out of the grid
/// (subgrid(patch, grid)), so a choice among objects or the box of a colour is a solution as soon as the
/// patch is built, one call before the enumeration would reach the crop. So does a pair that is such a
/// corner on every demonstration (ulcorner(x), or a corner they all share), cropping at the outputs' shape.
/// </summary>
internal sealed class CropGoal
{
    /// <summary>Calls in a grid that outputs are looked for in, at most: more are many, and seldom cropped.</summary>
    public const int MaxGridCalls = 1;

    private readonly Grid[] _outputs;
    private readonly List<(Term Grid, HashSet<(int I, int J)>[] Corners)> _grids = [];

    private CropGoal(Grid[] outputs) => _outputs = outputs;

    /// <summary>The goal of outputs each smaller than its input and within it; null where one is not.</summary>
    public static CropGoal? Of(Grid[] inputs, Grid[] outputs)
    {
        for (var d = 0; d < inputs.Length; d++)
        {
            var (i, o) = (inputs[d], outputs[d]);
            if (o.Height > i.Height || o.Width > i.Width || o.Height == i.Height && o.Width == i.Width) return null;
        }
        return new CropGoal(outputs);
    }

    /// <summary>Keeps <paramref name="grid"/> where every output lies in it; returns whether it was kept.</summary>
    public bool Keep(Term grid)
    {
        var corners = new HashSet<(int, int)>[_outputs.Length];
        for (var d = 0; d < _outputs.Length; d++)
            if ((corners[d] = Corners((Grid)grid.Values[d], _outputs[d])).Count == 0) return false;
        _grids.Add((grid, corners));
        return true;
    }

    /// <summary>The grids kept that <paramref name="patch"/>'s box crops every output out of.</summary>
    public IEnumerable<Term> Cropping(Term patch)
    {
        if (_grids.Count == 0) yield break;
        var boxes = new (int I, int J)[_outputs.Length];
        for (var d = 0; d < _outputs.Length; d++)
        {
            if (Box((FrozenSetValue)patch.Values[d]) is not var (corner, height, width) ||
                height != _outputs[d].Height || width != _outputs[d].Width) yield break;
            boxes[d] = corner;
        }
        foreach (var (grid, corners) in _grids)
            if (boxes.Select((b, d) => corners[d].Contains(b)).All(x => x)) yield return grid;
    }

    /// <summary>The grids kept, in the order they were built.</summary>
    public IEnumerable<Term> Grids => _grids.Select(g => g.Grid);

    /// <summary>Whether each of <paramref name="pairs"/> (one per demonstration) is a corner at which that output lies in <paramref name="grid"/>.</summary>
    public bool Places(Term grid, Value[] pairs)
    {
        var corners = Of(grid);
        for (var d = 0; d < pairs.Length; d++)
            if (pairs[d] is not Pair p || !corners[d].Contains((p.A, p.B))) return false;
        return true;
    }

    /// <summary>The first corner (by row, then column) at which every output lies in <paramref name="grid"/>; null where none is shared.</summary>
    public (int I, int J)? Shared(Term grid)
    {
        var corners = Of(grid);
        var shared = new HashSet<(int I, int J)>(corners[0]);
        foreach (var c in corners.Skip(1)) shared.IntersectWith(c);
        return shared.Count == 0 ? null : shared.OrderBy(c => c.I).ThenBy(c => c.J).First();
    }

    private HashSet<(int I, int J)>[] Of(Term grid) => _grids.First(g => ReferenceEquals(g.Grid, grid)).Corners;

    /// <summary>The upper-left corners at which <paramref name="output"/> lies in <paramref name="grid"/>.</summary>
    private static HashSet<(int, int)> Corners(Grid grid, Grid output)
    {
        var found = new HashSet<(int, int)>();
        for (var i = 0; i + output.Height <= grid.Height; i++)
            for (var j = 0; j + output.Width <= grid.Width; j++)
                if (At(grid, output, i, j)) found.Add((i, j));
        return found;
    }

    private static bool At(Grid grid, Grid output, int i, int j)
    {
        for (var r = 0; r < output.Height; r++)
            if (!grid.Row(i + r).Slice(j, output.Width).SequenceEqual(output.Row(r))) return false;
        return true;
    }

    /// <summary>A patch's box: its upper-left corner, height and width; null where it is empty or holds other items than cells and index pairs.</summary>
    private static ((int I, int J) Corner, int Height, int Width)? Box(FrozenSetValue patch)
    {
        var (top, left, bottom, right) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (var item in patch.Items())
        {
            var (i, j) = item switch
            {
                Pair p => (p.A, p.B),
                Cell c => (c.I, c.J),
                _ => (int.MinValue, 0),
            };
            if (i == int.MinValue) return null;
            (top, left, bottom, right) = (Math.Min(top, i), Math.Min(left, j), Math.Max(bottom, i), Math.Max(right, j));
        }
        return top == int.MaxValue ? null : ((top, left), bottom - top + 1, right - left + 1);
    }
}
