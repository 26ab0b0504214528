namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of two ints: an IntegerTuple (a location, a vector, a shape).</summary>
public sealed class Pair : TupleValue
{
    private const int CacheLow = -32, CacheHigh = 64, CacheSpan = CacheHigh - CacheLow;
    private static readonly Pair[] Cache = new Pair[CacheSpan * CacheSpan];

    public readonly int A, B;
    private readonly long _hash;

    public Pair(int a, int b)
    {
        A = a;
        B = b;
        _hash = TupleHash.OfPair(a, b);
    }

    /// <summary>The pair (a, b), shared for the values grid locations and their shifts take (-32 to 63).</summary>
    public static Pair Of(int a, int b)
    {
        if ((uint)(a - CacheLow) >= CacheSpan || (uint)(b - CacheLow) >= CacheSpan) return new Pair(a, b);
        var k = (a - CacheLow) * CacheSpan + (b - CacheLow);
        return Cache[k] ??= new Pair(a, b);
    }

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? Int.Of(A) : Int.Of(B);

    public override long Hash => _hash;

    public override bool Equals(Value? other) => other is Pair p ? p.A == A && p.B == B : base.Equals(other);
}
