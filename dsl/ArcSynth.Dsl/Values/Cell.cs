namespace ArcSynth.Dsl.Values;

/// <summary>A cell of an object: the tuple <c>(color, (i, j))</c>, kept flat.</summary>
public sealed class Cell : TupleValue
{
    private const int Low = Pair.CachedLow, Span = Pair.CachedSpan, Colors = 10;
    private static readonly Cell[] Cache = new Cell[Colors * Span * Span];

    public readonly int Color, I, J;
    private readonly long _hash;

    public Cell(int color, int i, int j)
    {
        Color = color;
        I = i;
        J = j;
        _hash = TupleHash.OfCell(color, i, j);
    }

    /// <summary>The cell, shared for ARC colours at locations in <see cref="Pair"/>'s cached range.</summary>
    public static Cell Of(int color, int i, int j)
    {
        if ((uint)color >= Colors || (uint)(i - Low) >= Span || (uint)(j - Low) >= Span) return new Cell(color, i, j);
        var k = (color * Span + (i - Low)) * Span + (j - Low);
        return Cache[k] ??= new Cell(color, i, j);
    }

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? Int.Of(Color) : Pair.Of(I, J);

    public override long Hash => _hash;

    public override bool Equals(Value? other) =>
        other is Cell c ? c.Color == Color && c.I == I && c.J == J : base.Equals(other);
}
