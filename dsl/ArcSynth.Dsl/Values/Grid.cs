namespace ArcSynth.Dsl.Values;

/// <summary>
/// A grid: a tuple of equally long tuples of ints, stored row-major in one array. Immutable: a
/// primitive that changes cells builds a new grid. A grid of height 0 is the empty tuple; a grid
/// of width 0 is a tuple of empty tuples, as Python's slicing can make.
/// </summary>
public sealed class Grid : TupleValue
{
    private readonly int[] _cells;
    // CPython never hashes to -1, so -1 marks "not computed yet": one field, read and written whole,
    // is safe to share between threads without a lock.
    private long _hash = -1;

    public int Height { get; }
    public int Width { get; }

    /// <param name="cells">Row-major cells; the grid takes ownership of the array.</param>
    public Grid(int height, int width, int[] cells)
    {
        if (height < 0 || width < 0 || cells.Length != height * width)
            throw new ArgumentException($"a {height}x{width} grid needs {height * width} cells, not {cells.Length}");
        Height = height;
        Width = height == 0 ? 0 : width;
        _cells = cells;
    }

    public static Grid FromRows(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        var h = rows.Count;
        var w = h == 0 ? 0 : rows[0].Count;
        var cells = new int[h * w];
        for (var i = 0; i < h; i++)
        {
            if (rows[i].Count != w) throw new ArgumentException($"row {i} has {rows[i].Count} cells, row 0 has {w}");
            for (var j = 0; j < w; j++) cells[i * w + j] = rows[i][j];
        }
        return new Grid(h, w, cells);
    }

    /// <summary>
    /// The value as an ARC-style result grid: a non-empty rectangular tuple of non-empty tuples of
    /// ints (bools excluded, as Python's <c>isinstance(v, bool)</c> would tell them), else null.
    /// </summary>
    public static Grid? TryFrom(Value v)
    {
        if (v is Grid g) return g.Height > 0 && g.Width > 0 ? g : null;
        if (v is not TupleValue t || t.Count == 0 || t[0] is not TupleValue first || first.Count == 0) return null;
        var w = first.Count;
        var cells = new int[t.Count * w];
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i] is not TupleValue row || row.Count != w) return null;
            for (var j = 0; j < w; j++)
            {
                if (row[j] is not Int x) return null;
                cells[i * w + j] = x.V;
            }
        }
        return new Grid(t.Count, w, cells);
    }

    public ReadOnlySpan<int> Cells => _cells;

    /// <summary>Whether this is a valid ARC grid: 1 to 30 rows and columns, colours 0 to 9.</summary>
    public bool IsArcGrid => Height is >= 1 and <= 30 && Width is >= 1 and <= 30 && !Cells.ContainsAnyExceptInRange(0, 9);

    /// <summary>The grid's colours as a bit set (bit c for colour c; any value outside 0-9 sets bit 15).</summary>
    public ushort ColourBits()
    {
        var set = 0;
        foreach (var c in _cells) set |= c is >= 0 and <= 9 ? 1 << c : 1 << 15;
        return (ushort)set;
    }

    public int this[int i, int j] => _cells[i * Width + j];

    public ReadOnlySpan<int> Row(int i) => _cells.AsSpan(i * Width, Width);

    public override int Count => Height;

    public override Value this[int index] => new IntTuple(_cells.AsSpan(index * Width, Width).ToArray());

    public override long Hash
    {
        get
        {
            if (_hash == -1)
            {
                var acc = TupleHash.Start;
                for (var i = 0; i < Height; i++) acc = TupleHash.Add(acc, TupleHash.OfInts(Row(i)));
                _hash = TupleHash.Finish(acc, Height);
            }
            return _hash;
        }
    }

    public override bool Equals(Value? other) => other is Grid g
        ? g.Height == Height && (Height == 0 || (g.Width == Width && Cells.SequenceEqual(g.Cells)))
        : base.Equals(other);
}
