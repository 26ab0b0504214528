namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of two ints: an IntegerTuple (a location, a vector, a shape).</summary>
public sealed class Pair(int a, int b) : TupleValue
{
    public readonly int A = a, B = b;

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? Int.Of(A) : Int.Of(B);

    public override long Hash => TupleHash.OfPair(A, B);

    public override bool Equals(Value? other) => other is Pair p ? p.A == A && p.B == B : base.Equals(other);
}
