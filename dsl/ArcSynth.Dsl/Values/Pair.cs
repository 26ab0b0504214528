namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of two ints: an IntegerTuple (a location, a vector, a shape).</summary>
public sealed class Pair : TupleValue
{
    /// <summary>
    /// The coordinates for which pairs and cells are shared, -32 to 63: grid locations, and the shifted
    /// copies of objects (mapply of shift, say) that leave the grid by up to its size either way.
    /// </summary>
    internal const int CachedLow = -32, CachedSpan = 96;

    private static readonly Pair[] Cache = new Pair[CachedSpan * CachedSpan];

    public readonly int A, B;
    private readonly long _hash;

    public Pair(int a, int b)
    {
        A = a;
        B = b;
        _hash = TupleHash.OfPair(a, b);
    }

    /// <summary>The pair (a, b), shared for coordinates in the cached range.</summary>
    public static Pair Of(int a, int b)
    {
        if ((uint)(a - CachedLow) >= CachedSpan || (uint)(b - CachedLow) >= CachedSpan) return new Pair(a, b);
        var k = (a - CachedLow) * CachedSpan + (b - CachedLow);
        return Cache[k] ??= new Pair(a, b);
    }

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? Int.Of(A) : Int.Of(B);

    public override long Hash => _hash;

    public override bool Equals(Value? other) => other is Pair p ? p.A == A && p.B == B : base.Equals(other);
}
