namespace ArcSynth.Dsl.Values;

/// <summary>A cell of an object: the tuple <c>(color, (i, j))</c>, kept flat.</summary>
public sealed class Cell(int color, int i, int j) : TupleValue
{
    public readonly int Color = color, I = i, J = j;

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? Int.Of(Color) : new Pair(I, J);

    public override long Hash => TupleHash.OfCell(Color, I, J);

    public override bool Equals(Value? other) =>
        other is Cell c ? c.Color == Color && c.I == I && c.J == J : base.Equals(other);
}
