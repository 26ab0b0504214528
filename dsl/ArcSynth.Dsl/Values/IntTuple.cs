namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of ints of any length (a grid row, a range).</summary>
public sealed class IntTuple(int[] items) : TupleValue
{
    private readonly int[] _items = items;

    public ReadOnlySpan<int> Span => _items;

    public override int Count => _items.Length;

    public override Value this[int index] => Int.Of(_items[index]);

    public override long Hash => TupleHash.OfInts(_items);

    public override bool Equals(Value? other) =>
        other is IntTuple t ? Span.SequenceEqual(t.Span) : base.Equals(other);
}
